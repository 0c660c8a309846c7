package trendwatch.model;

/** A stage or the pipeline cannot start for a reason the user can fix (a port in use, a locked data directory). */
public final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }
}
