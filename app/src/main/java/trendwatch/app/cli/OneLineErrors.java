package trendwatch.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import trendwatch.app.StartupException;
import trendwatch.model.taxonomy.TaxonomyException;

/** Turns a failed command into one line on stderr and the contract's exit code, never a stack trace. */
final class OneLineErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        command.getErr().println("trendwatch " + command.getCommandName() + ": " + message(e));
        return e instanceof TaxonomyException || e instanceof BadInputException ? ExitCodes.BAD_INPUT
                : ExitCodes.FAILURE;
    }

    private static String message(Throwable e) {
        if (e instanceof StartupException || e instanceof TaxonomyException || e instanceof BadInputException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
