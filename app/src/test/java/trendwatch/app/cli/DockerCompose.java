package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Docker Compose v2 run on the project's compose files, as a user runs it from the project folder. Fails (never
 * skips) when no Compose of 2.24 or later is installed: {@code .ci/install-compose} installs one.
 */
final class DockerCompose {

    /** Where the Docker CLI looks for its compose plugin; the plugin also runs on its own. */
    private static final List<Path> PLUGINS = List.of(
            Path.of(System.getProperty("user.home"), ".docker/cli-plugins/docker-compose"),
            Path.of("/usr/local/lib/docker/cli-plugins/docker-compose"),
            Path.of("/usr/libexec/docker/cli-plugins/docker-compose"),
            Path.of("/usr/lib/docker/cli-plugins/docker-compose"));

    /** What one run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {}

    private final Path binary;

    private DockerCompose(Path binary) {
        this.binary = binary;
    }

    static DockerCompose find() {
        Optional<Path> found = PLUGINS.stream().filter(Files::isExecutable).filter(DockerCompose::isAtLeast2_24)
                .findFirst();
        if (found.isEmpty()) {
            fail("Docker Compose 2.24 or later is missing (looked in %s): .ci/run installs it with "
                    + "`bash .ci/install-compose`; no Docker engine is needed", PLUGINS);
        }
        return new DockerCompose(found.get());
    }

    /** Runs {@code docker compose ARGS...} in the project folder with exactly the given variables set. */
    Result run(Map<String, String> variables, String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ComposeFile.PROJECT.toFile());
        // Only PATH and HOME of this JVM's environment: a TRENDWATCH_* variable of the shell running the build
        // must not change what Compose makes of the files.
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        builder.environment().putAll(variables);
        return exec(builder);
    }

    private static boolean isAtLeast2_24(Path plugin) {
        try {
            Result result = exec(new ProcessBuilder(plugin.toString(), "version", "--short"));
            if (result.exitCode() != 0) {
                return false;
            }
            int[] parts = Stream.of(result.stdout().strip().replaceFirst("^v", "").split("[.-]")).limit(2)
                    .mapToInt(Integer::parseInt).toArray();
            return parts[0] > 2 || (parts[0] == 2 && parts[1] >= 24);
        } catch (UncheckedIOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    /** Runs the command to its end (at most 60 s), its output and errors kept apart. */
    private static Result exec(ProcessBuilder builder) {
        try {
            Path out = Files.createTempFile("compose-out", ".txt");
            Path err = Files.createTempFile("compose-err", ".txt");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("%s did not finish in 60 s", String.join(" ", builder.command()));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.delete(out);
                Files.delete(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
