package trendwatch.publish;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import trendwatch.model.EvidenceParagraph;
import trendwatch.model.JsonSerde;

/**
 * An evidence paragraph as the JSON a burst will cite it in, with the two fields the bucket lists sort and
 * replace by. Every article offers its evidence and only a burst cites it, so it is encoded once, when the article
 * arrives, and decoded only by a burst.
 */
record Evidence(String articleId, double score, byte[] json) {

    private static final JsonSerde<EvidenceParagraph> JSON = JsonSerde.of(EvidenceParagraph.class);

    static Evidence of(EvidenceParagraph paragraph) {
        return new Evidence(paragraph.articleId(), paragraph.score(), JSON.serialize("evidence", paragraph));
    }

    /**
     * The kept list after {@code offered} is considered: strongest first, at most {@code max}, one entry per article
     * (a new version of an article replaces its old paragraph). Returns {@code kept} itself when nothing changes,
     * which is most offers once a bucket has its strongest few, so the caller can skip writing it.
     */
    static List<Evidence> keepStrongest(List<Evidence> kept, Evidence offered, int max) {
        List<Evidence> list = new ArrayList<>(kept.size() + 1);
        for (Evidence e : kept) {
            if (!e.articleId.equals(offered.articleId)) {
                list.add(e);
            }
        }
        list.add(offered);
        list.sort(Comparator.comparingDouble(Evidence::score).reversed());
        List<Evidence> next = List.copyOf(list.subList(0, Math.min(max, list.size())));
        return next.equals(kept) ? kept : next;
    }

    /** The kept list without the article's paragraph; {@code kept} itself when it does not cite the article. */
    static List<Evidence> withoutArticle(List<Evidence> kept, String articleId) {
        List<Evidence> rest = kept.stream().filter(e -> !e.articleId.equals(articleId)).toList();
        return rest.size() == kept.size() ? kept : rest;
    }

    EvidenceParagraph paragraph() {
        return JSON.deserialize("evidence", json);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Evidence e && articleId.equals(e.articleId) && score == e.score
                && Arrays.equals(json, e.json);
    }

    @Override
    public int hashCode() {
        return 31 * articleId.hashCode() + Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return "Evidence[" + articleId + ", " + score + ", " + json.length + " bytes]";
    }
}
