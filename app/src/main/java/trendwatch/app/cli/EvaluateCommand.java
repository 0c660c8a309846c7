package trendwatch.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trendwatch.classify.eval.Evaluation;
import trendwatch.classify.eval.EvaluationReport;
import trendwatch.classify.eval.EvaluationSet;
import trendwatch.classify.eval.LabeledExample;
import trendwatch.classify.eval.SectorScore;
import trendwatch.classify.label.Labeler;
import trendwatch.model.Json;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/** {@code trendwatch evaluate}: how well the labeler agrees with paragraphs a person labeled. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Precision, recall and F1 per sector, macro and micro F1, and false-positive rates for"
                + " labeled JSON lines {\"text\",\"labels\":[...]} (optional \"id\", \"hard\": true).")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "A taxonomy YAML file instead of the default.")
    Path taxonomyFile;

    @Option(names = "--json", description = "Print the whole report as one JSON object.")
    boolean json;

    @Option(names = "--mistakes", description = "Also list every paragraph whose labels differ from the expected.")
    boolean mistakes;

    @Parameters(arity = "1", paramLabel = "FILE.jsonl")
    Path file;

    @Override
    public Integer call() throws IOException {
        Taxonomy taxonomy = taxonomyFile == null ? Taxonomy.loadDefault() : Taxonomy.load(taxonomyFile);
        List<LabeledExample> examples = read(taxonomy);
        Labeler labeler = new Labeler(taxonomy);
        EvaluationReport report = Evaluation.evaluate(taxonomy.sectorIds(), examples, text -> sectors(labeler, text));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(report));
        } else {
            print(report, taxonomy, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<LabeledExample> read(Taxonomy taxonomy) throws IOException {
        List<LabeledExample> examples;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            examples = EvaluationSet.read(file.toString(), lines);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (EvaluationSet.BadLineException e) {
            throw new BadInputException(e.getMessage());
        }
        Set<String> unknown = examples.stream().flatMap(e -> e.labels().stream())
                .filter(sector -> !taxonomy.sectorIds().contains(sector)).collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new BadInputException(file + ": labels " + unknown + " are not sectors of the taxonomy "
                    + taxonomy.sectorIds());
        }
        if (examples.isEmpty()) {
            throw new BadInputException(file + ": no labeled paragraphs");
        }
        return examples;
    }

    private static Set<String> sectors(Labeler labeler, String text) {
        return labeler.label(text).stream().map(Label::sector).collect(Collectors.toSet());
    }

    private void print(EvaluationReport report, Taxonomy taxonomy, PrintWriter out) {
        out.printf(Locale.ROOT, "%-12s %9s %7s %7s %8s%n", "sector", "precision", "recall", "F1", "support");
        for (SectorScore s : report.sectors()) {
            if (s.isUsed()) {
                out.printf(Locale.ROOT, "%-12s %9.3f %7.3f %7.3f %8d%n", s.sector(), s.precision(), s.recall(),
                        s.f1(), s.support());
            } else {
                // nothing expected and nothing given: a score would be a vacuous 1.0
                out.printf(Locale.ROOT, "%-12s %9s %7s %7s %8d%n", s.sector(), "-", "-", "-", 0);
            }
        }
        if (report.scoresAnySector()) {
            out.printf(Locale.ROOT, "macro F1 %.3f   micro F1 %.3f   (%d paragraphs, taxonomy %s)%n",
                    report.macroF1(), report.microF1(), report.paragraphs(), taxonomy.version());
        } else {
            out.printf(Locale.ROOT, "macro F1 n/a   micro F1 n/a   (%d paragraphs, taxonomy %s: the set names no"
                    + " sector and none was given; only the rates below apply)%n", report.paragraphs(),
                    taxonomy.version());
        }
        out.printf(Locale.ROOT, "paragraphs with no label: %d, given one anyway: %.1f %%%n",
                report.noLabelParagraphs(), 100 * report.noLabelFalsePositiveRate());
        out.printf(Locale.ROOT, "hard negatives: %d, given a label: %.1f %%%n", report.hardNegatives(),
                100 * report.hardNegativeRate());
        if (mistakes) {
            report.mistakes().forEach(m -> out.printf(Locale.ROOT, "%s expected %s got %s: %s%n", m.id(),
                    m.expected(), m.predicted(), m.text()));
        }
    }
}
