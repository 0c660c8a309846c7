package trendwatch.ingest.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.ingest.ArticleSink;
import trendwatch.ingest.TopicSnapshot;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SourceState;
import trendwatch.model.Topics;

/**
 * Polls the feed and page sources of the sources file, each on its own adaptive schedule, on a small pool of
 * threads: a slow or failing source never holds up the others (per-host politeness is the fetcher's job).
 * The file is re-read when it changes, so sources can be added and removed while running.
 */
public final class SourceRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRunner.class);
    private static final int THREADS = 4;
    private static final Duration RELOAD_CHECK = Duration.ofSeconds(2);
    static final List<String> POLLED_TYPES = List.of("feed", "page");
    /** How many polls in a row may drop their validators to try again what they left (see PollResult). */
    static final int UNFINISHED_POLLS_RETRIED = 10;

    private final Path sourcesFile;
    private final Fetcher fetcher;
    private final ArticleSink sink;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Consumer<List<SourceSpec.Folder>> folderSources;
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "ingest-sources");
        thread.setDaemon(true);
        return thread;
    });
    /** The current poller of each source; a poll of a replaced or removed source's old poller is dropped. */
    private final Map<String, Poller> pollers = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> nextPolls = new ConcurrentHashMap<>();
    private final Map<String, SourceState> states = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    /** Polls in a row that left work for the next one, per source. */
    private final Map<String, Integer> unfinishedPolls = new ConcurrentHashMap<>();
    private SourceStates store;
    /** When each file the sources were read from (the sources file, its OPML lists) was last modified. */
    private Map<Path, Instant> inputsModified = Map.of();
    /** A change seen at the last check, applied once it holds still: an editor may be half-way through saving. */
    private Map<Path, Instant> changeSeen;

    /** {@code folderSources} receives the file's folder sources, which the folder scanner watches. */
    public SourceRunner(Path sourcesFile, Fetcher fetcher, ArticleSink sink, MeterRegistry meters, Clock clock,
                        Consumer<List<SourceSpec.Folder>> folderSources) {
        this.sourcesFile = sourcesFile;
        this.fetcher = fetcher;
        this.sink = sink;
        this.meters = meters;
        this.clock = clock;
        this.folderSources = folderSources;
    }

    /** Reads the states saved by earlier runs and the sources file (failing on a bad file), then starts polling. */
    public void start(KafkaConnection kafka) {
        states.putAll(TopicSnapshot.read(kafka, Topics.INGEST_SOURCES, Duration.ofSeconds(60)));
        store = new SourceStates(kafka);
        Map<Path, Instant> before = modified(List.of(sourcesFile));
        inputsModified = modifiedAsRead(before, load().files());
        bindGauges();
        pool.scheduleWithFixedDelay(this::reloadIfChanged, RELOAD_CHECK.toMillis(), RELOAD_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Every polled source with its state, by id. */
    public List<SourceView> sources() {
        return pollers.values().stream().map(p -> view(p.spec()))
                .sorted(Comparator.comparing(SourceView::id)).toList();
    }

    /** Reads the sources file and applies it; throws {@link SourcesException} on a bad one. */
    private SourcesFile.Loaded load() {
        SourcesFile.Loaded loaded = SourcesFile.loadWithFiles(sourcesFile);
        apply(loaded.specs());
        return loaded;
    }

    private void apply(List<SourceSpec> specs) {
        folderSources.accept(specs.stream().filter(SourceSpec.Folder.class::isInstance)
                .map(SourceSpec.Folder.class::cast).toList());
        List<SourceSpec> polled = specs.stream().filter(s -> !(s instanceof SourceSpec.Folder)).toList();
        pollers.keySet().stream().filter(id -> polled.stream().noneMatch(s -> s.id().equals(id))).toList()
                .forEach(this::stop);
        for (SourceSpec spec : polled) {
            Poller current = pollers.get(spec.id());
            if (current == null || !current.spec().equals(spec)) {
                stop(spec.id());
                forgetIfMoved(spec);
                Poller poller = poller(spec);
                pollers.put(spec.id(), poller);
                articles(spec); // registered at 0 now, so dashboards show 0 rather than "no data" until the first
                // an edited source is looked at now, not when its old schedule (up to maxInterval) says
                schedule(poller, current != null ? Duration.ZERO : delayUntilDue(spec));
            }
        }
        LOG.info("ingest: polling {} sources from {}", pollers.size(), sourcesFile);
    }

    private Poller poller(SourceSpec spec) {
        if (spec instanceof SourceSpec.Feed feed) {
            return new FeedPoller(feed, fetcher, sink, clock);
        }
        if (spec instanceof SourceSpec.Page page) {
            return new PagePoller(page, fetcher, sink, clock);
        }
        throw new IllegalArgumentException("folders are scanned, not polled");
    }

    private void schedule(Poller poller, Duration delay) {
        if (!isCurrent(poller) || pool.isShutdown()) {
            return;
        }
        nextPolls.put(poller.spec().id(), pool.schedule(() -> pollSafely(poller), delay.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    private boolean isCurrent(Poller poller) {
        return pollers.get(poller.spec().id()) == poller;
    }

    private void stop(String id) {
        pollers.remove(id);
        unfinishedPolls.remove(id);
        ScheduledFuture<?> next = nextPolls.remove(id);
        if (next != null) {
            next.cancel(false);
        }
    }

    /**
     * What was saved of a source whose id now names another URL (its url edited, or an OPML list reordered, which
     * numbers its feeds anew) belongs to the other URL: its validators would have the new one answer 304.
     */
    private void forgetIfMoved(SourceSpec spec) {
        SourceState saved = states.get(spec.id());
        if (saved != null && !Objects.equals(saved.url(), url(spec))) {
            states.remove(spec.id());
            LOG.info("ingest: source {} is now {} (was {}): polled afresh", spec.id(), url(spec), saved.url());
        }
    }

    /** When the saved schedule says, but never later than the source's maximum interval from now. */
    private Duration delayUntilDue(SourceSpec spec) {
        SourceState state = states.get(spec.id());
        if (state == null || state.nextPollAt() == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), state.nextPollAt());
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(max(spec)) > 0 ? max(spec) : wait;
    }

    /** A task that throws is silently dropped by the executor: log it and keep the source on its schedule. */
    private void pollSafely(Poller poller) {
        try {
            pollOnce(poller);
        } catch (Throwable t) {
            LOG.error("ingest: polling {} broke; retrying in {}", poller.spec().id(), min(poller.spec()), t);
            schedule(poller, min(poller.spec()));
            if (t instanceof Error error && !(t instanceof StackOverflowError)) {
                throw error;
            }
        }
    }

    private void pollOnce(Poller poller) {
        SourceSpec spec = poller.spec();
        if (!isCurrent(poller)) {
            return;
        }
        SourceState before = stateOf(spec);
        Instant started = clock.instant();
        SourceState after;
        Timer.Sample sample = Timer.start(meters);
        try {
            PollResult result = poller.poll(before);
            after = succeeded(spec, before, started, result);
            lastErrors.remove(spec.id());
            fetches(spec, result.outcome());
            articles(spec).increment(result.published());
        } catch (PollException e) {
            if (pool.isShutdown()) { // interrupted by close(): no failure of the source's, nothing to save
                return;
            }
            after = failed(spec, before, started, e);
            lastErrors.put(spec.id(), e.getMessage());
            fetches(spec, e.kind());
            LOG.warn("ingest: {} {} failed ({} in a row), next try in {} s: {}", spec.type(), spec.id(),
                    after.failures(), after.intervalMillis() / 1000, e.getMessage());
        } catch (RuntimeException e) {
            after = failed(spec, before, started, new PollException("error", e.toString(), null));
            lastErrors.put(spec.id(), e.toString());
            fetches(spec, "error");
            LOG.error("ingest: {} {} failed unexpectedly", spec.type(), spec.id(), e);
        }
        sample.stop(meters.timer("trendwatch.ingest.poll.duration", "source_type", spec.type()));
        if (!isCurrent(poller)) { // the source was edited while this poll ran: its state is the new URL's now
            return;
        }
        states.put(spec.id(), after);
        saveQuietly(after);
        schedule(poller, Duration.ofMillis(after.intervalMillis()));
    }

    /** The saved state of the source, unless it was saved for another URL (the source has been edited since). */
    private SourceState stateOf(SourceSpec spec) {
        SourceState state = states.get(spec.id());
        return state == null || Objects.equals(state.url(), url(spec)) ? state : null;
    }

    private Counter articles(SourceSpec spec) {
        return meters.counter("trendwatch.ingest.articles", "source_type", spec.type());
    }

    private SourceState succeeded(SourceSpec spec, SourceState before, Instant at, PollResult result) {
        Duration current = before == null || before.failures() > 0 ? min(spec) : Duration.ofMillis(before.intervalMillis());
        boolean unfinished = leavesWorkForNextPoll(spec, result);
        // what is left waits for the next poll on the usual schedule: a page failing for days is not asked more often
        Duration next = Schedule.afterSuccess(current, min(spec), max(spec), result.published() > 0,
                result.freshFor());
        // a poll that left items to try again keeps no validators, so the next one is answered in full, not 304
        String etag = unfinished ? null : validator(result, result.etag(), before, SourceState::etag);
        String lastModified = unfinished ? null
                : validator(result, result.lastModified(), before, SourceState::lastModified);
        return new SourceState(spec.id(), spec.type(), url(spec), etag, lastModified, at, at, at.plus(next),
                next.toMillis(), 0, result.outcome(), published(before) + result.published());
    }

    private SourceState failed(SourceSpec spec, SourceState before, Instant at, PollException error) {
        int failures = before == null ? 1 : before.failures() + 1;
        Duration next = Schedule.afterFailure(failures, min(spec), max(spec), error.retryAfter());
        return new SourceState(spec.id(), spec.type(), url(spec), before == null ? null : before.etag(),
                before == null ? null : before.lastModified(), at, before == null ? null : before.lastSuccessAt(),
                at.plus(next), next.toMillis(), failures, error.kind(), published(before));
    }

    /**
     * Whether the next poll must be answered in full to try again what this one left (see {@link PollResult}). Not
     * for ever: after {@value #UNFINISHED_POLLS_RETRIED} such polls in a row the source keeps its validators again,
     * and what is left waits until the source changes, so a page that fails for days does not cost a full fetch of
     * its feed at every poll.
     */
    private boolean leavesWorkForNextPoll(SourceSpec spec, PollResult result) {
        if (result.unfinished() == 0 || result.isNotModified()) {
            unfinishedPolls.remove(spec.id());
            return false;
        }
        int polls = unfinishedPolls.merge(spec.id(), 1, Integer::sum);
        if (polls == UNFINISHED_POLLS_RETRIED + 1) {
            LOG.warn("ingest: {} {}: {} items still not fetched after {} polls; tried again once the source changes",
                    spec.type(), spec.id(), result.unfinished(), UNFINISHED_POLLS_RETRIED);
        }
        return polls <= UNFINISHED_POLLS_RETRIED;
    }

    /**
     * A 304 may carry no validators of its own: the ones that produced it stay valid. A full answer without
     * them means the server no longer gives them.
     */
    private static String validator(PollResult result, String fresh, SourceState before,
                                     Function<SourceState, String> old) {
        if (fresh != null || !result.isNotModified()) {
            return fresh;
        }
        return before == null ? null : old.apply(before);
    }

    private static long published(SourceState state) {
        return state == null ? 0 : state.articlesPublished();
    }

    private void fetches(SourceSpec spec, String outcome) {
        meters.counter("trendwatch.ingest.fetches", "source_type", spec.type(), "outcome", outcome).increment();
    }

    private void saveQuietly(SourceState state) {
        try {
            store.save(state);
        } catch (RuntimeException e) {
            LOG.warn("ingest: could not save the state of source {}: {}", state.sourceId(), e.toString());
        }
    }

    private void reloadIfChanged() {
        Map<Path, Instant> now = modified(inputsModified.keySet());
        if (now.equals(inputsModified) || !now.equals(changeSeen)) {
            changeSeen = now.equals(inputsModified) ? null : now;
            return;
        }
        inputsModified = now; // a bad edit is reported once, not every check until it is mended
        try {
            inputsModified = modifiedAsRead(now, load().files());
        } catch (SourcesException e) {
            LOG.error("ingest: {}; keeping the sources as they were", e.getMessage());
        }
    }

    /**
     * The modification times of the files the sources were read from, as taken before reading them where known, so
     * that an edit saved while they were read is seen at the next check; files named for the first time (an OPML
     * list just added) are taken now.
     */
    private static Map<Path, Instant> modifiedAsRead(Map<Path, Instant> before, List<Path> files) {
        Map<Path, Instant> modified = new HashMap<>(modified(files.stream().filter(f -> !before.containsKey(f))
                .toList()));
        files.stream().filter(before::containsKey).forEach(f -> modified.put(f, before.get(f)));
        return modified;
    }

    /** Each file's modification time; a file that cannot be read (gone, say) maps to the epoch. */
    private static Map<Path, Instant> modified(Collection<Path> files) {
        Map<Path, Instant> modified = new HashMap<>();
        for (Path file : files) {
            try {
                modified.put(file, Files.getLastModifiedTime(file).toInstant());
            } catch (IOException e) {
                modified.put(file, Instant.EPOCH);
            }
        }
        return modified;
    }

    private void bindGauges() {
        for (String type : POLLED_TYPES) {
            Gauge.builder("trendwatch.ingest.sources", () -> count(type)).tag("source_type", type)
                    .description("polled sources of this type").register(meters);
            Gauge.builder("trendwatch.ingest.last.success", () -> lastSuccess(type)).tag("source_type", type)
                    .baseUnit("seconds").description("newest successful poll, Unix time").register(meters);
            Gauge.builder("trendwatch.ingest.next.poll", () -> nextPoll(type)).tag("source_type", type)
                    .baseUnit("seconds").description("soonest next poll, Unix time").register(meters);
        }
    }

    private double count(String type) {
        return pollers.values().stream().filter(p -> p.spec().type().equals(type)).count();
    }

    private double lastSuccess(String type) {
        return statesOf(type).map(SourceState::lastSuccessAt).filter(Objects::nonNull)
                .mapToDouble(Instant::getEpochSecond).max().orElse(Double.NaN);
    }

    private double nextPoll(String type) {
        return statesOf(type).map(SourceState::nextPollAt).filter(Objects::nonNull)
                .mapToDouble(Instant::getEpochSecond).min().orElse(Double.NaN);
    }

    private Stream<SourceState> statesOf(String type) {
        return pollers.keySet().stream().map(states::get).filter(Objects::nonNull)
                .filter(s -> type.equals(s.type()));
    }

    private SourceView view(SourceSpec spec) {
        SourceState s = states.get(spec.id());
        return s == null ? new SourceView(spec.id(), spec.type(), url(spec), null, null, null, 0, 0, "pending", null, 0)
                : new SourceView(spec.id(), spec.type(), url(spec), s.lastPollAt(), s.lastSuccessAt(), s.nextPollAt(),
                s.intervalMillis() / 1000, s.failures(), s.lastOutcome(), lastErrors.get(spec.id()),
                s.articlesPublished());
    }

    private static Duration min(SourceSpec spec) {
        return spec instanceof SourceSpec.Feed f ? f.minInterval() : ((SourceSpec.Page) spec).minInterval();
    }

    private static Duration max(SourceSpec spec) {
        return spec instanceof SourceSpec.Feed f ? f.maxInterval() : ((SourceSpec.Page) spec).maxInterval();
    }

    private static String url(SourceSpec spec) {
        return spec instanceof SourceSpec.Feed f ? f.url().toString()
                : spec instanceof SourceSpec.Page p ? p.url().toString() : null;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) {
            store.close();
        }
    }
}
