package trendwatch.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's {@code docker-compose.yml}, read as plain YAML (no Docker needed), with Compose's variable
 * interpolation resolved to the defaults the file gives, as if no variable were set.
 */
final class ComposeFile {

    /** The project folder, seen from the app module (Maven runs the tests there). */
    static final Path PROJECT = Path.of("..");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** {@code ${NAME}}, {@code ${NAME:-default}} or {@code ${NAME-default}}; {@code $$} is a literal dollar. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static ComposeFile load() {
        return new ComposeFile(readYaml(PROJECT.resolve("docker-compose.yml")));
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** What Compose makes of a string when none of its variables is set. */
    static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group().equals("$$") ? "$" : m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    TreeSet<String> services() {
        TreeSet<String> names = new TreeSet<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (!service.isObject()) {
            throw new AssertionError("docker-compose.yml has no service " + name + " (it has " + services() + ")");
        }
        return service;
    }

    /** The services that run the official Apache Kafka image. */
    List<String> brokers() {
        return services().stream().filter(s -> service(s).path("image").asText().startsWith("apache/kafka:")).toList();
    }

    List<String> command(String service) {
        JsonNode command = service(service).path("command");
        if (!command.isArray()) {
            throw new AssertionError(service + ": command must be a list (exec form), not " + command);
        }
        List<String> args = new ArrayList<>();
        command.forEach(arg -> args.add(interpolate(arg.asText())));
        return args;
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE} in a service's command. */
    Optional<String> option(String service, String name) {
        List<String> args = command(service);
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (args.get(i).startsWith(name + "=")) {
                return Optional.of(args.get(i).substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** A service's environment, from either the map or the {@code NAME=value} list form. */
    Map<String, String> environment(String service) {
        JsonNode env = service(service).path("environment");
        Map<String, String> vars = new LinkedHashMap<>();
        if (env.isObject()) {
            env.fields().forEachRemaining(e -> vars.put(e.getKey(), interpolate(e.getValue().asText())));
        } else if (env.isArray()) {
            env.forEach(item -> {
                String[] kv = item.asText().split("=", 2);
                vars.put(kv[0], kv.length == 2 ? interpolate(kv[1]) : "");
            });
        }
        return vars;
    }

    int replicas(String service) {
        return service(service).path("deploy").path("replicas").asInt(1);
    }

    /** A volume of a service: {@code source} is a named volume, a host path or null (anonymous). */
    record Volume(String source, String target) {

        boolean bindMount() {
            return source != null && (source.startsWith(".") || source.startsWith("/"));
        }
    }

    List<Volume> volumes(String service) {
        List<Volume> volumes = new ArrayList<>();
        service(service).path("volumes").forEach(v -> {
            if (v.isObject()) {
                String source = v.path("source").isMissingNode() ? null : v.path("source").asText();
                volumes.add(new Volume(source, v.path("target").asText()));
            } else {
                String[] parts = interpolate(v.asText()).split(":");
                volumes.add(parts.length == 1 ? new Volume(null, parts[0]) : new Volume(parts[0], parts[1]));
            }
        });
        return volumes;
    }

    /** The container side of a service's published ports ({@code [ip:][host:]container[/proto]}). */
    List<Integer> containerPorts(String service) {
        List<Integer> ports = new ArrayList<>();
        service(service).path("ports").forEach(p -> {
            if (p.isObject()) {
                ports.add(p.path("target").asInt());
            } else {
                String spec = interpolate(p.asText()).replaceFirst("/(tcp|udp)$", "");
                ports.add(Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1)));
            }
        });
        return ports;
    }

    List<Integer> exposedPorts(String service) {
        List<Integer> ports = new ArrayList<>();
        service(service).path("expose").forEach(p -> ports.add(Integer.parseInt(p.asText().replaceFirst("/.*", ""))));
        return ports;
    }

    /** The services a service waits for, with the condition it waits for ({@code service_started} by default). */
    Map<String, String> dependsOn(String service) {
        JsonNode deps = service(service).path("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (deps.isArray()) {
            deps.forEach(d -> conditions.put(d.asText(), "service_started"));
        } else {
            deps.fields().forEachRemaining(e ->
                    conditions.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return conditions;
    }
}
