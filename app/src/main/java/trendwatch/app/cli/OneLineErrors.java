package trendwatch.app.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import trendwatch.model.StartupException;
import trendwatch.model.taxonomy.TaxonomyException;

/** Turns a failed command into one line on stderr and the contract's exit code, never a stack trace. */
final class OneLineErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        Throwable cause = explained(e);
        command.getErr().println("trendwatch " + command.getCommandName() + ": " + (cause != null ? cause.getMessage()
                : unexplained(e)));
        return cause instanceof TaxonomyException || cause instanceof BadInputException ? ExitCodes.BAD_INPUT
                : ExitCodes.FAILURE;
    }

    /** A mistyped command line: one line naming what is wrong, and where the options are listed, exit code 2. */
    static int badUsage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + unknownOptionFirst(e).getMessage() + " (" + name
                + " --help lists the options)");
        return ExitCodes.BAD_INPUT;
    }

    /**
     * Picocli checks for missing parameters before it reports the arguments it could not match, so
     * {@code label --nope} said "Missing required parameter" about the file instead of naming the mistyped option,
     * which is what the user has to fix first.
     */
    private static ParameterException unknownOptionFirst(ParameterException e) {
        CommandLine command = e.getCommandLine();
        List<String> unmatched = command.getUnmatchedArguments();
        return e instanceof MissingParameterException && !unmatched.isEmpty()
                ? new UnmatchedArgumentException(command, unmatched) : e;
    }

    /**
     * {@code reason} without a leading "{@code input}: ": the messages of the fetcher (and of the pipeline's API,
     * which passes them on) start with the URL, and the line that reports them names the input already.
     */
    static String reasonAbout(String input, String reason) {
        String prefix = input + ": ";
        return reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
    }

    /** The first exception in the chain whose message is written for the user, wherever a library wrapped it. */
    private static Throwable explained(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupException || t instanceof TaxonomyException || t instanceof BadInputException) {
                return t;
            }
        }
        return null;
    }

    private static String unexplained(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
