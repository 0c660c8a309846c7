package trendwatch.publish;

import java.util.Arrays;
import trendwatch.model.EvidenceParagraph;
import trendwatch.model.JsonSerde;

/**
 * An evidence paragraph as the JSON a burst will cite it in, with the two fields the bucket lists sort and
 * replace by. Counts move evidence on every article and cite it only when a sector bursts, so it is encoded once,
 * when the article arrives, and decoded only by a burst.
 */
record Evidence(String articleId, double score, byte[] json) {

    private static final JsonSerde<EvidenceParagraph> JSON = JsonSerde.of(EvidenceParagraph.class);

    static Evidence of(EvidenceParagraph paragraph) {
        return new Evidence(paragraph.articleId(), paragraph.score(), JSON.serialize("evidence", paragraph));
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
