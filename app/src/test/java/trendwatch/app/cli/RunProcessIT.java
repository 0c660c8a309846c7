package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trendwatch run} in a JVM of its own, as a user starts it: unlike {@link RunCommandTest}, this sees what the
 * JVM's exit adds (shutdown hooks) to what a start that fails prints.
 */
class RunProcessIT {

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneLineAndExitWithTwoForABadTaxonomy() throws Exception {
        Path taxonomy = Files.writeString(dir.resolve("bad.yaml"), "sectors: [\n");

        Process run = start("run", "--taxonomy", taxonomy.toString(), "--data-dir", dir.resolve("data").toString(),
                "--port", "0");
        try {
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isEqualTo(2);
            assertThat(output(run)).singleElement().asString().startsWith("trendwatch run: taxonomy " + taxonomy);
        } finally {
            run.destroyForcibly(); // a run that started after all must not outlive the test
        }
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlog4j2.configurationFile=" + Path.of("target", "classes", "log4j2.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "trendwatch.app.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Everything it printed, on both streams, less what the JVM itself says about options from the environment. */
    private static List<String> output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("Picked up ")).toList();
    }
}
