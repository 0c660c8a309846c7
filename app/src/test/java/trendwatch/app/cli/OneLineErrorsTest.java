package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import trendwatch.model.StartupException;

class OneLineErrorsTest {

    @Test
    void shouldPrintAStartupProblemsOwnMessageEvenWhenALibraryWrappedIt() {
        Failed failed = run(new IllegalStateException("wrapped",
                new StartupException("/d/ingest-seen is in use by another ingest")));

        assertThat(failed.err()).isEqualTo("trendwatch fails: /d/ingest-seen is in use by another ingest\n");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILURE);
    }

    @Test
    void shouldGiveExitCodeTwoForBadInputFoundBelowAnotherException() {
        Failed failed = run(new RuntimeException(new BadInputException("taxonomy.yaml: line 3: no sectors")));

        assertThat(failed.err()).isEqualTo("trendwatch fails: taxonomy.yaml: line 3: no sectors\n");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void shouldNameTheRootCauseOfAnUnexpectedFailure() {
        Failed failed = run(new IllegalStateException("outer", new IOException("disk full")));

        assertThat(failed.err()).isEqualTo("trendwatch fails: IOException: disk full\n");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"label", "submit", "parse"})
    void shouldNameAnUnknownOptionRatherThanTheMissingInput(String command) {
        CommandLineRunner result = CommandLineRunner.run(command, "--nope");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err().lines()).containsExactly("trendwatch " + command + ": Unknown option: '--nope'"
                + " (trendwatch " + command + " --help lists the options)");
    }

    @Test
    void shouldStillSayWhatIsMissingWhenNothingWasMistyped() {
        CommandLineRunner result = CommandLineRunner.run("label", "--jsonl");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("trendwatch label: Missing required parameter: 'PATH|-'");
    }

    private static Failed run(RuntimeException thrown) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Fails(thrown)).setExecutionExceptionHandler(new OneLineErrors());
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute();
        return new Failed(exitCode, err.toString());
    }

    private record Failed(int exitCode, String err) {
    }

    @Command(name = "fails")
    private static final class Fails implements Callable<Integer> {

        private final RuntimeException thrown;

        Fails(RuntimeException thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() {
            throw thrown;
        }
    }
}
