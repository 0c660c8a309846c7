package trendwatch.app.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The project's {@code Dockerfile}: its instructions, with continuation lines joined and comments dropped. */
record ComposeDockerfile(List<Instruction> instructions) {

    /** One instruction: its keyword in upper case and the rest of the line. */
    record Instruction(String keyword, String arguments) {
    }

    static ComposeDockerfile load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            if (!text.isEmpty()) {
                String[] parts = text.split("\\s+", 2);
                instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length == 2 ? parts[1] : ""));
            }
        }
        return new ComposeDockerfile(instructions);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The {@code ARG name=default} instructions before the first FROM, which FROM lines may use: name to default. */
    Map<String, String> globalArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                break;
            }
            if (instruction.keyword().equals("ARG")) {
                String[] nameAndDefault = instruction.arguments().split("=", 2);
                args.put(nameAndDefault[0], nameAndDefault.length == 2 ? nameAndDefault[1] : "");
            }
        }
        return args;
    }

    /** The instructions of the last stage: the image that runs. */
    ComposeDockerfile finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return new ComposeDockerfile(instructions.subList(from, instructions.size()));
    }

    /** The exec-form (JSON array) ENTRYPOINT of the final stage. */
    List<String> entrypoint() {
        List<Instruction> entrypoints = finalStage().all("ENTRYPOINT");
        if (entrypoints.isEmpty()) {
            throw new AssertionError("the Dockerfile's final stage has no ENTRYPOINT");
        }
        try {
            return ComposeFile.YAML.readValue(entrypoints.get(entrypoints.size() - 1).arguments(),
                    new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new AssertionError("ENTRYPOINT is not in exec (JSON array) form: " + e.getMessage(), e);
        }
    }

    /** {@code COPY [--from=stage] [--chown=…] source… destination}: the sources and the destination, flags dropped. */
    record Copy(String from, List<String> sources, String destination) {
    }

    List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        for (Instruction copy : all("COPY")) {
            List<String> words = new ArrayList<>(List.of(copy.arguments().split("\\s+")));
            String from = null;
            while (!words.isEmpty() && words.get(0).startsWith("--")) {
                String flag = words.remove(0);
                if (flag.startsWith("--from=")) {
                    from = flag.substring("--from=".length());
                }
            }
            copies.add(new Copy(from, words.subList(0, words.size() - 1), words.get(words.size() - 1)));
        }
        return copies;
    }
}
