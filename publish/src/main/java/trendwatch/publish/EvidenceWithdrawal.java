package trendwatch.publish;

import java.time.Instant;

/**
 * Takes an article's paragraph out of a sector's evidence in the buckets of {@code eventTime}: sent when the
 * article moved to another time, lost the sector, or was withdrawn, so a burst never cites an article that is no
 * longer counted in its bucket.
 */
record EvidenceWithdrawal(String sector, Instant eventTime, String articleId) {
}
