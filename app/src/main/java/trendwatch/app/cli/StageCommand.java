package trendwatch.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import trendwatch.app.Pipeline;
import trendwatch.app.RunOptions;

/** One stage of the pipeline against an existing cluster; start more of them to scale out. */
abstract class StageCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    abstract Pipeline.Part part();

    @Override
    public Integer call() throws Exception {
        RunOptions run = options.toRunOptions(part() == Pipeline.Part.INGEST);
        if (run.embedded()) {
            throw new BadInputException("--bootstrap-servers is required to run one stage on its own");
        }
        return PipelineProcess.runUntilStopped(run, List.of(part()));
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Run the ingest stage: publish articles from the seeds and inbox folders.")
    static final class Ingest extends StageCommand {
        @Override
        Pipeline.Part part() {
            return Pipeline.Part.INGEST;
        }
    }

    @Command(name = "classify", mixinStandardHelpOptions = true,
            description = "Run the classify stage: split articles into paragraphs and label them.")
    static final class Classify extends StageCommand {
        @Override
        Pipeline.Part part() {
            return Pipeline.Part.CLASSIFY;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Run the publish stage: trend counts, the HTTP API, metrics and the dashboard.")
    static final class Publish extends StageCommand {
        @Override
        Pipeline.Part part() {
            return Pipeline.Part.PUBLISH;
        }
    }
}
