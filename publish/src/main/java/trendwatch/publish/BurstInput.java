package trendwatch.publish;

import trendwatch.model.TrendCount;

/**
 * What a sector's burst detector reads, in order, from its repartition topics keyed by sector: a count that
 * changed, an article's evidence on offer, or an article's evidence withdrawn (exactly one of the three is set).
 */
record BurstInput(TrendCount count, EvidenceOffer offer, EvidenceWithdrawal withdrawal) {

    static BurstInput of(TrendCount count) {
        return new BurstInput(count, null, null);
    }

    static BurstInput of(EvidenceOffer offer) {
        return new BurstInput(null, offer, null);
    }

    static BurstInput of(EvidenceWithdrawal withdrawal) {
        return new BurstInput(null, null, withdrawal);
    }
}
