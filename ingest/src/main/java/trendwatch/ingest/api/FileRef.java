package trendwatch.ingest.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A submitted file's identity, {@code file://<host><real path>}, from which the pipeline derives its articleId: an
 * edited file sent again replaces its earlier version instead of counting as a second article. The same path on
 * another machine is another file.
 */
public final class FileRef {

    private static final String SCHEME = "file://";
    /** Looked up once: a lookup may ask DNS, and the machine's name does not change under a running process. */
    private static final String HOST = hostName();

    private FileRef() {
    }

    /** The ref of {@code file} on this machine. */
    public static String of(Path file) throws IOException {
        return SCHEME + HOST + file.toRealPath();
    }

    /** The file {@code ref} names when it names one on this machine; empty for another machine's or another ref. */
    static Optional<Path> localFile(String ref) {
        String local = SCHEME + HOST;
        if (!ref.startsWith(local + "/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(ref.substring(local.length())));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // the machine's name does not resolve (a container whose /etc/hosts lacks it): one fixed name instead,
            // as stable as the machine's setup
            return "localhost";
        }
    }
}
