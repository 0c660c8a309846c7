package trendwatch.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable article ids and content hashes: 16 hex digits of SHA-256. */
public final class Hashes {

    private Hashes() {
    }

    /** The id of a file article: the same file of the same source always gets the same id, wherever it is checked out. */
    public static String fileArticleId(String sourceId, String relativePath) {
        return sha256("folder:" + sourceId + ":" + relativePath.replace('\\', '/'));
    }

    /** The id of an article submitted with the client's own stable name for it, whatever its content. */
    public static String submittedArticleId(String ref) {
        return sha256("submit:" + ref);
    }

    public static String contentHash(String title, String body) {
        return sha256(String.valueOf(title) + "\n\n" + body);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
