package trendwatch.ingest.api;

/** A submission that cannot be accepted, with the HTTP status that says why (400, 413, 502, 503). */
public final class SubmitException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public SubmitException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
