package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.ExclusiveLock;
import trendwatch.model.StartupException;

class DataDirLockTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseASecondRunOnTheSameDataDirectory() throws Exception {
        try (ExclusiveLock first = DataDirLock.acquire(dataDir)) {
            assertThatThrownBy(() -> DataDirLock.acquire(dataDir))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("data directory " + dataDir + " is in use by another trendwatch run");
        }
    }

    @Test
    void shouldLetTheNextRunInOnceTheFirstHasStopped() throws Exception {
        DataDirLock.acquire(dataDir).close();

        assertThatCode(() -> DataDirLock.acquire(dataDir).close()).doesNotThrowAnyException();
    }
}
