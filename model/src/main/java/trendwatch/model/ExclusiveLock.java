package trendwatch.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS lock on a file, held until closed, so that two processes (or two parts of one process) never share what
 * the file stands for: a run's data directory, ingest's memory of its articles.
 */
public final class ExclusiveLock implements AutoCloseable {

    private final FileChannel channel;

    private ExclusiveLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Locks {@code file} (created with its folders if missing), or fails with {@code inUse} when it is held. */
    public static ExclusiveLock acquire(Path file, String inUse) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (!tryLock(channel)) {
                channel.close();
                throw new StartupException(inUse);
            }
            return new ExclusiveLock(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // held by this JVM
        }
    }

    @Override
    public void close() {
        try {
            channel.close(); // releases the lock too
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock", e);
        }
    }
}
