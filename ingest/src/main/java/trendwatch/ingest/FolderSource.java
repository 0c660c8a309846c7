package trendwatch.ingest;

import java.nio.file.Path;

/** A folder whose article files are published; {@code id} names it in article ids and on the records. */
public record FolderSource(String id, Path dir) {
}
