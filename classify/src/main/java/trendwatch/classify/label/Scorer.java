package trendwatch.classify.label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import trendwatch.classify.label.TermRef.Kind;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Sector;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * Turns the sightings of one paragraph into labels. Per sector, every distinct word that survives its context
 * adds its weight, a repeated word a little more (log of its count); weak words count only beside a strong
 * word of their sector. The sum s becomes a score 1 - e^-s, which is in [0, 1) and saturates, so ten weak
 * hints never outweigh what two strong terms say.
 */
final class Scorer {

    /** What each further sighting of the same word adds, relative to its weight, per natural-log step of count. */
    static final double REPEAT_BONUS = 0.2;
    /** How far (in chars) a negative context reaches to cancel a weak word beside it: "驾校学开车驾驶". */
    static final int NEGATIVE_WINDOW = 4;

    private static final Comparator<Label> STRONGEST_FIRST = Comparator.comparingDouble(Label::score).reversed();

    private final List<String> sectorIds;
    private final double threshold;

    Scorer(Taxonomy taxonomy) {
        this.sectorIds = taxonomy.sectors().stream().map(Sector::id).toList();
        this.threshold = taxonomy.threshold();
    }

    /** {@code counts}, indexed by word, must be all zero; it is left so again. */
    List<Label> score(Matches matches, NormalizedText text, int[] counts) {
        if (matches.size() == 0) {
            return List.of();
        }
        List<TermRef> seen = new ArrayList<>();
        try {
            return score(matches, text, counts, seen);
        } finally {
            for (TermRef ref : seen) {
                counts[ref.id()] = 0;
            }
        }
    }

    private List<Label> score(Matches matches, NormalizedText text, int[] counts, List<TermRef> seen) {
        List<Sighting> counted = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            for (TermRef ref : matches.entry(i).refs()) {
                if (ref.kind() != Kind.NEGATIVE && stands(matches, i, ref)) {
                    if (counts[ref.id()]++ == 0) {
                        seen.add(ref);
                    }
                    counted.add(new Sighting(ref, i));
                }
            }
        }
        return labels(seen, counts, new HitFinder(counted, matches, text));
    }

    /**
     * Whether sighting {@code i} of {@code ref} counts: not inside a negative context of its sector, not a weak
     * word right beside one, and not part of a longer word of its sector (推理芯片 counts once, not also as 芯片),
     * nor a second word of its sector on the same chars ("cars" counts once, not also as "car" with its -s).
     */
    private static boolean stands(Matches matches, int i, TermRef ref) {
        for (int j = 0; j < matches.size(); j++) {
            for (TermRef other : matches.entry(j).refs()) {
                if (other.sector() != ref.sector() || j == i) {
                    continue;
                }
                if (other.kind() == Kind.NEGATIVE) {
                    if (matches.covers(j, i) || ref.kind() == Kind.WEAK && matches.near(j, i, NEGATIVE_WINDOW)) {
                        return false;
                    }
                } else if (matches.coversLonger(j, i)
                        || matches.sameSpan(j, i) && outranks(matches, j, other, i, ref)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Which of two words of a sector on the same chars counts: a strong one over a weak one, then the heavier, then
     * the longer ("cars" over "car" with its -s), then the first sighted. Whether {@code other} at sighting
     * {@code j} beats {@code ref} at sighting {@code i}.
     */
    private static boolean outranks(Matches matches, int j, TermRef other, int i, TermRef ref) {
        if (other.kind() != ref.kind()) {
            return other.kind() == Kind.STRONG;
        }
        if (other.weight() != ref.weight()) {
            return other.weight() > ref.weight();
        }
        int longer = Integer.compare(matches.entry(j).length(), matches.entry(i).length());
        return longer > 0 || longer == 0 && j < i;
    }

    private List<Label> labels(List<TermRef> seen, int[] counts, HitFinder hits) {
        boolean[] hasStrong = new boolean[sectorIds.size()];
        for (TermRef ref : seen) {
            hasStrong[ref.sector()] |= ref.kind() == Kind.STRONG;
        }
        List<Label> labels = new ArrayList<>();
        for (int s = 0; s < sectorIds.size(); s++) {
            if (!hasStrong[s]) {
                continue;
            }
            List<TermRef> evidence = evidence(seen, counts, s);
            double sum = 0;
            for (TermRef ref : evidence) {
                sum += contribution(ref, counts); // a loop: DoubleStream.sum's compensated sum was 8 % of labeling
            }
            double score = 1 - Math.exp(-sum);
            if (score >= threshold) {
                labels.add(new Label(sectorIds.get(s), round(score), evidence.stream().map(TermRef::text).toList(),
                        hits.of(s), null));
            }
        }
        labels.sort(STRONGEST_FIRST);
        return labels;
    }

    /** The sector's counted words, strongest first; equally strong ones in the order the paragraph names them. */
    private static List<TermRef> evidence(List<TermRef> seen, int[] counts, int sector) {
        List<TermRef> evidence = new ArrayList<>();
        for (TermRef ref : seen) {
            if (ref.sector() == sector) {
                evidence.add(ref);
            }
        }
        evidence.sort(Comparator.comparingDouble((TermRef ref) -> contribution(ref, counts)).reversed());
        return evidence;
    }

    /** One counted sighting: sighting {@code index} of {@link Matches} stood as a word of {@code ref}. */
    private record Sighting(TermRef ref, int index) {
    }

    /** Turns the counted sightings of a sector into hits with offsets into the original paragraph. */
    private record HitFinder(List<Sighting> counted, Matches matches, NormalizedText text) {

        List<Label.Hit> of(int sector) {
            List<Label.Hit> hits = new ArrayList<>();
            for (Sighting sighting : counted) {
                if (sighting.ref().sector() == sector) {
                    int start = text.originalStart(matches.start(sighting.index()));
                    int end = text.originalEnd(matches.end(sighting.index()));
                    hits.add(new Label.Hit(sighting.ref().text(), start, end));
                }
            }
            hits.sort(Comparator.comparingInt(Label.Hit::start).thenComparingInt(Label.Hit::end));
            return hits;
        }
    }

    private static double contribution(TermRef ref, int[] counts) {
        return ref.weight() * (1 + REPEAT_BONUS * Math.log(counts[ref.id()]));
    }

    /** Three decimals are all a score means; longer ones only bloat every message on the topics. */
    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
