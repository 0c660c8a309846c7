package trendwatch.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * Metadata kept next to an article file as {@code <file name>.meta.yaml}: what the file itself cannot say.
 * Every field is optional; {@code publishedAt} must carry its zone (ISO-8601), and is left out when unknown.
 *
 * @param site the publication the article appeared in (a WeChat account, a newspaper)
 */
public record Sidecar(String title, String author, String site, String url, OffsetDateTime publishedAt,
                      String lang) {

    static final String SUFFIX = ".meta.yaml";
    /** What a publication time must look like, in the words errors use (sidecars and submissions). */
    public static final String DATE_TIME_FORM =
            "an ISO-8601 date and time with its zone, e.g. 2025-02-03T08:00:00+08:00";
    static final Sidecar NONE = new Sidecar(null, null, null, null, null, null);

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static boolean isSidecar(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /** The sidecar of {@code article}, or {@link #NONE}; a malformed one fails with the file and the reason. */
    static Sidecar of(Path article) throws IOException {
        Path file = article.resolveSibling(article.getFileName() + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            Sidecar sidecar = YAML.readValue(file.toFile(), Sidecar.class);
            return sidecar == null ? NONE : sidecar;
        } catch (MismatchedInputException e) {
            if (e.getTargetType() == OffsetDateTime.class && !e.getPath().isEmpty()) {
                throw new IOException("metadata " + file.getFileName() + " is not valid: '"
                        + e.getPath().get(0).getFieldName() + "' must be " + DATE_TIME_FORM, e);
            }
            throw new IOException("metadata " + file.getFileName() + " is not valid: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new IOException("metadata " + file.getFileName() + " is not valid: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
