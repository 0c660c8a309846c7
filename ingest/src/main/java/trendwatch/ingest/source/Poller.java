package trendwatch.ingest.source;

import trendwatch.model.SourceState;

/** Polls one source once: fetches what changed since {@code state} and hands new articles to the sink. */
interface Poller {

    SourceSpec spec();

    PollResult poll(SourceState state) throws PollException;
}
