package trendwatch.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trendwatch} command line. Exit codes: 0 success, 2 bad usage or bad input, 1 failure. */
@Command(name = "trendwatch", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Watches technology-trend articles, labels every paragraph with its sectors and counts them.",
        subcommands = {RunCommand.class, StageCommand.Ingest.class, StageCommand.Classify.class,
            StageCommand.Publish.class, LabelCommand.class, EvaluateCommand.class, ParseCommand.class, SubmitCommand.class,
            WithdrawCommand.class, TailCommand.class})
public final class Main {

    static final String VERSION = "trendwatch 0.1.0";

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main())
                .setExecutionExceptionHandler(new OneLineErrors())
                .setParameterExceptionHandler(OneLineErrors::badUsage)
                .setCaseInsensitiveEnumValuesAllowed(true);
        // each subcommand's -V too, not only the top command's
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(VERSION));
        return commandLine;
    }
}
