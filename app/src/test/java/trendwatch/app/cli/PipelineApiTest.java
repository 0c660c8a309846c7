package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code submit} and {@code withdraw} against an address that takes the connection and never answers (a port of
 * something else, or {@code --api https://} against the pipeline's plain HTTP port, whose TLS handshake waits):
 * one line naming the address and exit 1, as when nothing listens, not an exception's class name.
 */
class PipelineApiTest {

    private static final String ID = "0123456789abcdef";

    @TempDir
    Path dir;
    private ServerSocket silent;

    @BeforeEach
    void listen() throws IOException {
        // the kernel completes the connections (backlog); nothing ever reads or writes them
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
    }

    @Test
    void shouldSayNoPipelineAnswersWhenTheConnectionTimesOutAsOverHttpsToAPlainPort() throws IOException {
        String api = "https://127.0.0.1:" + silent.getLocalPort();
        Path file = Files.writeString(dir.resolve("a.md"), "# A\n\nHumanoid robots walk.\n");

        Result withdraw = run("withdraw", "--api", api, ID);
        Result submit = run("submit", "--api", api, file.toString());

        assertThat(withdraw.exitCode).isEqualTo(1);
        assertThat(withdraw.err.lines()).containsExactly("trendwatch withdraw: " + ID + ": no pipeline answers at "
                + api + " within 1 s (is ./trendwatch run running there, and is it http or https?)");
        assertThat(submit.exitCode).isEqualTo(1);
        assertThat(submit.err.lines()).containsExactly("trendwatch submit: " + file + ": no pipeline answers at "
                + api + " within 1 s (is ./trendwatch run running there, and is it http or https?)");
    }

    @Test
    void shouldSayTheAddressDidNotAnswerWhenTheAnswerTimesOut() {
        String api = "http://127.0.0.1:" + silent.getLocalPort();

        Result withdraw = run("withdraw", "--api", api, ID);

        assertThat(withdraw.exitCode).isEqualTo(1);
        assertThat(withdraw.err.lines()).containsExactly("trendwatch withdraw: " + ID + ": " + api
                + " accepted the request but did not answer within 1 s (is it a trendwatch pipeline?)");
    }

    private record Result(int exitCode, String err) {
    }

    /** The real command line with the client's timeouts shortened to a second. */
    private static Result run(String command, String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        Object subcommand = commandLine.getSubcommands().get(command).getCommand();
        PipelineApi api = subcommand instanceof WithdrawCommand w ? w.pipeline : ((SubmitCommand) subcommand).pipeline;
        api.connectTimeout = Duration.ofSeconds(1);
        api.answerTimeout = Duration.ofSeconds(1);
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return new Result(commandLine.execute(all), err.toString());
    }
}
