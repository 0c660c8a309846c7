package trendwatch.ingest;

import java.nio.file.Path;

/** A file ingest will not publish, and why; the pipeline logs it once and goes on. */
public final class RejectedFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public RejectedFileException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
