package trendwatch.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import trendwatch.app.Pipeline;

/** {@code trendwatch run}: the whole pipeline in one process, on the embedded broker unless told otherwise. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run everything in one process: an embedded Kafka broker (unless --bootstrap-servers),"
                + " ingest, classify, publish and the dashboard.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Override
    public Integer call() throws Exception {
        return PipelineProcess.runUntilStopped(options.toRunOptions(true),
                List.of(Pipeline.Part.INGEST, Pipeline.Part.CLASSIFY, Pipeline.Part.PUBLISH));
    }
}
