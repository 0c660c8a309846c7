package trendwatch.app;

import java.nio.file.Path;
import trendwatch.model.ExclusiveLock;

/** An OS file lock on the data directory, so two runs can never share (and corrupt) one broker's data. */
public final class DataDirLock {

    private DataDirLock() {
    }

    public static ExclusiveLock acquire(Path dataDir) {
        return ExclusiveLock.acquire(dataDir.resolve(".lock"),
                "data directory " + dataDir + " is in use by another trendwatch run");
    }
}
