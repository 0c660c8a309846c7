package trendwatch.publish;

/** One part of the running pipeline that {@code /health} reports on. */
public interface HealthCheck {

    String name();

    /** A short state word, such as RUNNING or REBALANCING. */
    String state();

    boolean healthy();
}
