package trendwatch.classify.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import trendwatch.classify.eval.EvaluationReport.Mistake;

/** Scores predicted sector sets against expected ones: per sector, macro and micro F1, false-positive rates. */
public final class Evaluation {

    private Evaluation() {
    }

    public static EvaluationReport evaluate(List<String> sectorIds, List<LabeledExample> examples,
                                            Function<String, Set<String>> predict) {
        int[] tp = new int[sectorIds.size()];
        int[] fp = new int[sectorIds.size()];
        int[] fn = new int[sectorIds.size()];
        int noLabel = 0;
        int noLabelWrong = 0;
        int hard = 0;
        int hardWrong = 0;
        List<Mistake> mistakes = new ArrayList<>();
        for (LabeledExample example : examples) {
            Set<String> predicted = predict.apply(example.text());
            for (int s = 0; s < sectorIds.size(); s++) {
                boolean expected = example.labels().contains(sectorIds.get(s));
                boolean got = predicted.contains(sectorIds.get(s));
                tp[s] += expected && got ? 1 : 0;
                fp[s] += !expected && got ? 1 : 0;
                fn[s] += expected && !got ? 1 : 0;
            }
            if (example.labels().isEmpty()) {
                noLabel++;
                noLabelWrong += predicted.isEmpty() ? 0 : 1;
                if (example.hard()) {
                    hard++;
                    hardWrong += predicted.isEmpty() ? 0 : 1;
                }
            }
            if (!predicted.equals(example.labels())) {
                mistakes.add(new Mistake(example.id(), example.text(), List.copyOf(new TreeSet<>(example.labels())),
                        List.copyOf(new TreeSet<>(predicted))));
            }
        }
        return report(sectorIds, examples.size(), tp, fp, fn, noLabel, noLabelWrong, hard, hardWrong, mistakes);
    }

    private static EvaluationReport report(List<String> sectorIds, int paragraphs, int[] tp, int[] fp, int[] fn,
                                           int noLabel, int noLabelWrong, int hard, int hardWrong,
                                           List<Mistake> mistakes) {
        List<SectorScore> scores = new ArrayList<>();
        int allTp = 0;
        int allFp = 0;
        int allFn = 0;
        for (int s = 0; s < sectorIds.size(); s++) {
            scores.add(new SectorScore(sectorIds.get(s), tp[s], fp[s], fn[s]));
            allTp += tp[s];
            allFp += fp[s];
            allFn += fn[s];
        }
        // over the sectors the set names or the labeler gives: one that neither touches would count as a perfect 1
        double macro = scores.stream().filter(SectorScore::isUsed).mapToDouble(SectorScore::f1).average().orElse(1);
        double micro = new SectorScore("all", allTp, allFp, allFn).f1();
        return new EvaluationReport(paragraphs, scores, macro, micro, noLabel, rate(noLabelWrong, noLabel), hard,
                rate(hardWrong, hard), mistakes);
    }

    private static double rate(int count, int of) {
        return of == 0 ? 0 : (double) count / of;
    }
}
