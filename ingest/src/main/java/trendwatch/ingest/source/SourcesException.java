package trendwatch.ingest.source;

import java.nio.file.Path;

/** A sources file that cannot be used: names the file, the entry and the reason. */
public final class SourcesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public SourcesException(Path file, String where, String reason) {
        super("sources " + file + (where == null ? "" : ", " + where) + ": " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
