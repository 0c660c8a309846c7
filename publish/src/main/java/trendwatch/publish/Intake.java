package trendwatch.publish;

import java.nio.file.Path;

/**
 * How articles get into the pipeline, for the dashboard's empty state. Publish cannot see it: the process that
 * runs ingest beside it says, and a publish stage on its own knows only that ingest runs somewhere else.
 *
 * @param inbox the folder ingest watches for dropped files, or null when ingest runs in another process
 * @param sourcesFile the feeds ingest polls, or null for none (or ingest elsewhere)
 * @param submit whether {@code POST /api/articles} is served beside the dashboard, and how
 */
public record Intake(Path inbox, Path sourcesFile, Submit submit) {

    /** Publish on its own: ingest, wherever it runs, has the folders, the feeds and the submit endpoint. */
    public static final Intake ELSEWHERE = new Intake(null, null, Submit.NONE);

    public enum Submit {
        /** Not served here: ingest runs elsewhere, or this server listens beyond loopback without a token. */
        NONE,
        /** Served without a token (loopback only). */
        OPEN,
        /** Served to those who send the bearer token. */
        TOKEN
    }

    public Intake {
        inbox = inbox == null ? null : inbox.toAbsolutePath();
        sourcesFile = sourcesFile == null ? null : sourcesFile.toAbsolutePath();
    }

    boolean ingestsHere() {
        return inbox != null;
    }
}
