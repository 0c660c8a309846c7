package trendwatch.publish;

import trendwatch.model.TrendCount;

/**
 * What a sector's burst detector reads, in order, from one repartition topic keyed by sector: either a count
 * that changed or an article's evidence on offer (exactly one of the two is set).
 */
record BurstInput(TrendCount count, EvidenceOffer offer) {

    static BurstInput of(TrendCount count) {
        return new BurstInput(count, null);
    }

    static BurstInput of(EvidenceOffer offer) {
        return new BurstInput(null, offer);
    }
}
