package trendwatch.app.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.app.Pipeline;
import trendwatch.app.RunOptions;

/** Runs pipeline stages in the foreground until Ctrl-C (SIGINT/SIGTERM), then stops them cleanly. */
final class PipelineProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineProcess.class);

    private PipelineProcess() {
    }

    static int runUntilStopped(RunOptions options, List<Pipeline.Part> parts) throws Exception {
        Pipeline pipeline = new Pipeline(options, parts);
        CountDownLatch stopped = new CountDownLatch(1);
        // registered before starting, so a Ctrl-C during start-up still stops the broker cleanly
        Thread stop = new Thread(() -> {
            LOG.info("stopping…");
            pipeline.close();
            LOG.info("stopped");
            stopped.countDown();
        }, "trendwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            pipeline.start();
        } catch (Exception | Error e) {
            withdraw(stop); // a failed start has stopped what it started: its one error line is all there is to say
            throw e;
        }
        LOG.info("trendwatch is running; press Ctrl-C to stop");
        stopped.await();
        return ExitCodes.OK;
    }

    private static void withdraw(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // stopped by the user while starting: the hook is running, and says so
        }
    }
}
