package trendwatch.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
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
        command.getErr().println(name + ": " + e.getMessage() + " (" + name + " --help lists the options)");
        return ExitCodes.BAD_INPUT;
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
