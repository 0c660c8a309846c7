package trendwatch.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One pipeline stage ({@code trendwatch ingest|classify|publish}) as a real child JVM, launched through the
 * command line exactly as an operator would, with its output appended to {@code target/fault-tests/<name>.log}.
 * The test can kill it ({@code kill -9}), freeze and thaw it ({@code SIGSTOP}/{@code SIGCONT}) and restart it
 * with the same data directory and HTTP port.
 */
final class StageProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Path log;
    private final int port;
    private volatile Process process;
    private int starts;
    private boolean frozen;

    private StageProcess(String name, List<String> command, Path log, int port) {
        this.name = name;
        this.command = command;
        this.log = log;
        this.port = port;
        // a test JVM that dies (a failsafe timeout, Ctrl-C) must not leave stages running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process != null) {
                process.destroyForcibly();
            }
        }, name + "-reaper"));
    }

    /** Starts {@code stage} as {@code name}, with its own data directory under {@code work} and a free HTTP port. */
    static StageProcess start(String name, String stage, String bootstrapServers, Path work, Path seeds, Path logs)
            throws IOException {
        int port = freePort();
        // RocksDB unpacks its native library (14 MB) into the temp folder and deletes it on exit, which a stage
        // killed with -9 never reaches: under work/ it goes with the test's other files, not into /tmp
        Path tmp = Files.createDirectories(work.resolve(name + "-tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                // small heaps and the C1 compiler only: five JVMs share two cores with the broker and the test
                "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                // the test classpath carries the Kafka test kit's log4j2.yaml (INFO for everything): use the app's
                "-Dlog4j2.configurationFile=" + Path.of("target", "classes", "log4j2.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                "trendwatch.app.cli.Main", stage,
                "--bootstrap-servers", bootstrapServers,
                "--data-dir", work.resolve(name).toAbsolutePath().toString(),
                "--seeds", seeds.toAbsolutePath().toString(),
                "--port", Integer.toString(port)));
        Files.createDirectories(logs);
        StageProcess stageProcess = new StageProcess(name, List.copyOf(command), logs.resolve(name + ".log"), port);
        stageProcess.launch();
        return stageProcess;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** How many times this stage was launched (1 + restarts). */
    int starts() {
        return starts;
    }

    /** {@code kill -9}: no shutdown hook, no leaving the group, no committing. */
    void kill() throws IOException, InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") survived kill -9");
        }
        marker("killed with SIGKILL");
    }

    void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + pid() + ")");
        }
        launch();
    }

    /** {@code SIGSTOP}: the JVM stops dead, heartbeats included, as in a long GC pause or a suspended VM. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
        frozen = true;
        marker("frozen with SIGSTOP");
    }

    void thaw() throws IOException, InterruptedException {
        signal("CONT");
        frozen = false;
        marker("thawed with SIGCONT");
    }

    /** True when the stage answers {@code GET /health} with 200 (every stage in it RUNNING or REBALANCING). */
    boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the stage serves a healthy {@code /health}; fails early if the process dies meanwhile. */
    void awaitHealthy(Duration timeout) {
        Awaitility.await(name + " healthy").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    return healthy();
                });
    }

    /** Everything the stage logged over all its starts. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    Path logFile() {
        return log;
    }

    /** Stops it as Ctrl-C would (SIGTERM, shutdown hook), then forcibly if it hangs. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (frozen) {
            // a stopped process cannot run its shutdown hook
            signal("CONT");
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void launch() throws IOException {
        starts++;
        marker("start #" + starts);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid() + " (" + name + ") failed");
        }
    }

    /** A line in the stage's log, so the test's own actions can be read next to the stage's reactions. */
    private void marker(String what) throws IOException {
        Files.writeString(log, "----- " + LocalTime.now() + " test: " + name + " " + what + " -----\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
