package trendwatch.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import trendwatch.ingest.extract.ExtractedText;
import trendwatch.ingest.extract.TextExtractor;
import trendwatch.ingest.feed.Urls;
import trendwatch.model.Article;
import trendwatch.model.NotUtf8Exception;
import trendwatch.model.SourceRef;
import trendwatch.model.StrictUtf8;

/** Turns one file of a folder source into an article, or says why it cannot. */
public final class FileArticleReader {

    /** The default cap on an article file's size: 5 MiB. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
    private static final int BINARY_PROBE_BYTES = 8192;
    /** An OPML document whatever its file name: an XML prolog and comments at most before {@code <opml>}. */
    private static final Pattern OPML = Pattern.compile("\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*<opml[\\s>]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final long maxBytes;
    private final Clock clock;

    public FileArticleReader(long maxBytes, Clock clock) {
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Reads {@code file}; its fetch time is now, the caller keeps the first one for articles seen before. */
    public Article read(FolderSource source, Path file) throws RejectedFileException {
        String text = text(file);
        if (OPML.matcher(text).lookingAt()) {
            throw new RejectedFileException(file, "an OPML subscription list, not an article (list it in the sources"
                    + " file as a source of type opml)");
        }
        ExtractedText extracted = TextExtractor.extract(file.getFileName().toString(), text);
        if (extracted.body().isBlank()) {
            throw new RejectedFileException(file, "no text left after extraction");
        }
        Sidecar meta = sidecar(file);
        URI canonicalUrl = canonicalUrl(meta.url());
        // the same canonical URL is the same article wherever it comes from (a feed, a page, a submission)
        String id = canonicalUrl == null ? pathId(source, file) : Urls.articleId(canonicalUrl);
        String url = canonicalUrl == null ? meta.url() : canonicalUrl.toString();
        String title = firstOf(meta.title(), extracted.title(), baseName(file));
        Instant publishedAt = meta.publishedAt() == null ? null : meta.publishedAt().toInstant();
        try {
            return Articles.of(id, new SourceRef("folder", source.id(), null), url, title, meta.author(), meta.site(),
                    firstOf(meta.lang()), publishedAt, clock.instant(), extracted.body());
        } catch (IllegalArgumentException e) {
            // an article the contract refuses (a sidecar URL longer than a record allows): this file is bad
            // input, and must not stop the scan of the others
            throw new RejectedFileException(file, e.getMessage());
        }
    }

    /**
     * The id of a file whose sidecar gives no http(s) URL: the same file of the same source always gets the same
     * id, wherever it is checked out. Until sidecar URLs made the id, every file's id was this one.
     */
    static String pathId(FolderSource source, Path file) {
        return Hashes.fileArticleId(source.id(), source.dir().relativize(file).toString());
    }

    /** The sidecar's URL in canonical form, or null when it gives none or one that is not http(s). */
    private static URI canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return Urls.findCanonical(new URI(url.strip()));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The text of {@code file} if a folder source would take it: not empty, within the cap, UTF-8, not binary. */
    public String text(Path file) throws RejectedFileException {
        return decode(file, bytes(file));
    }

    /** The same checks on bytes read from elsewhere (standard input), named {@code name} in the reason. */
    public String text(Path name, byte[] bytes) throws RejectedFileException {
        requireSize(name, bytes.length);
        return decode(name, bytes);
    }

    private byte[] bytes(Path file) throws RejectedFileException {
        if (Files.isDirectory(file)) {
            throw new RejectedFileException(file, "a folder, not a file");
        }
        try {
            requireSize(file, Files.size(file));
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RejectedFileException(file, "no such file");
        } catch (IOException e) {
            throw new RejectedFileException(file, "cannot read: " + e.getMessage());
        }
    }

    private void requireSize(Path file, long size) throws RejectedFileException {
        if (size == 0) {
            throw new RejectedFileException(file, "empty file");
        }
        if (size > maxBytes) {
            throw new RejectedFileException(file, "size of " + size + " bytes exceeds the cap of " + maxBytes
                    + " bytes");
        }
    }

    /** UTF-8 text only: a NUL byte or a malformed UTF-8 sequence means an image, an archive or another binary. */
    private static String decode(Path file, byte[] bytes) throws RejectedFileException {
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE_BYTES); i++) {
            if (bytes[i] == 0) {
                throw new RejectedFileException(file, "binary content (NUL byte at offset " + i + ")");
            }
        }
        try {
            return StrictUtf8.decode(file.toString(), bytes);
        } catch (NotUtf8Exception e) {
            throw new RejectedFileException(file, "binary content (not UTF-8 text)");
        }
    }

    private static Sidecar sidecar(Path file) throws RejectedFileException {
        try {
            return Sidecar.of(file);
        } catch (IOException e) {
            throw new RejectedFileException(file, e.getMessage());
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
