package trendwatch.ingest.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import trendwatch.ingest.ArticleSink;
import trendwatch.ingest.Articles;
import trendwatch.ingest.Hashes;
import trendwatch.ingest.feed.ArticlePage;
import trendwatch.ingest.feed.ExtractedArticle;
import trendwatch.ingest.feed.Urls;
import trendwatch.ingest.fetch.FetchException;
import trendwatch.ingest.fetch.FetchRequest;
import trendwatch.ingest.fetch.FetchResult;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.Article;
import trendwatch.model.SourceRef;

/**
 * Turns a submission into a published article. A submitted URL is fetched as untrusted: it may not reach
 * loopback, private, link-local or metadata addresses, on any redirect hop (the fetcher's address guard).
 */
public final class Submitter {

    /** What became of a submission. */
    public record Accepted(String articleId, ArticleSink.Outcome outcome) {
    }

    /** How long a submission waits for its transaction before answering 503. */
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    /** For a pipeline that watches no folder of this machine: every submitted file is known by its ref. */
    private static final Function<Path, Optional<String>> NO_WATCHED_FOLDER = file -> Optional.empty();

    private final Fetcher fetcher;
    private final Publishing publishing;
    private final Clock clock;
    private final Duration confirmTimeout;
    private final Function<Path, Optional<String>> watchedFileId;

    /** Where a submitted article goes: ingest's sink (a stand-in in tests). */
    interface Publishing {
        CompletableFuture<ArticleSink.Outcome> publish(Article article, String origin);
    }

    public Submitter(Fetcher fetcher, ArticleSink sink, Clock clock) {
        this(fetcher, sink, clock, NO_WATCHED_FOLDER);
    }

    /**
     * {@code watchedFileId}: the id a watched folder gives a file of this machine, if it lies in one; a submitted
     * copy of it is then the same article as the folder's (not counted twice, and submitting it again brings back
     * one a user withdrew).
     */
    public Submitter(Fetcher fetcher, ArticleSink sink, Clock clock, Function<Path, Optional<String>> watchedFileId) {
        this(fetcher, sink::publishSubmittedAsync, clock, CONFIRM_TIMEOUT, watchedFileId);
    }

    Submitter(Fetcher fetcher, Publishing publishing, Clock clock, Duration confirmTimeout) {
        this(fetcher, publishing, clock, confirmTimeout, NO_WATCHED_FOLDER);
    }

    private Submitter(Fetcher fetcher, Publishing publishing, Clock clock, Duration confirmTimeout,
                      Function<Path, Optional<String>> watchedFileId) {
        this.fetcher = fetcher;
        this.publishing = publishing;
        this.clock = clock;
        this.confirmTimeout = confirmTimeout;
        this.watchedFileId = watchedFileId;
    }

    public Accepted submit(Submission submission) throws SubmitException {
        Article article = submission.body() != null && !submission.body().isBlank() ? given(submission)
                : fetched(submission);
        // refused now, not accepted as "published" and then sent to the dead-letter topic by classify
        Optional<String> notCountable = article.whyNotCountable();
        if (notCountable.isPresent()) {
            throw new SubmitException(400, notCountable.get());
        }
        String origin = article.url() != null ? article.url() : "api";
        return new Accepted(article.id(), confirmed(publishing.publish(article, origin)));
    }

    /**
     * Waits for the commit, but not for ever: with Kafka down a commit is retried until it lands, and each waiting
     * submission holds one of the server's threads. Submitting again is safe: an article is never counted twice.
     */
    private ArticleSink.Outcome confirmed(CompletableFuture<ArticleSink.Outcome> outcome) throws SubmitException {
        try {
            return outcome.get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SubmitException(503, "Kafka has not confirmed the article within " + confirmTimeout.toMillis()
                    + " ms; it may still be published; submitting it again is safe");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmitException(503, "interrupted while waiting for Kafka; submitting again is safe");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Article given(Submission s) throws SubmitException {
        URI url = s.url() == null ? null : Urls.canonical(parse(s.url()));
        String title = s.title() == null ? null : s.title().strip();
        Instant publishedAt = s.publishedAt() == null ? null : s.publishedAt().toInstant();
        String body = s.body().strip();
        return article(id(url, s.ref(), title, body), url, title, s.author(), s.lang(), publishedAt, body);
    }

    /**
     * The canonical URL makes the id, else the client's ref (a file in a watched folder of this machine: the
     * folder's id for it); only an article with neither is known by its content (then an edited copy is a new
     * article).
     */
    private String id(URI url, String ref, String title, String body) throws SubmitException {
        if (url != null) {
            return Urls.articleId(url);
        }
        if (ref != null) {
            if (ref.isBlank()) {
                throw new SubmitException(400, "field 'ref' is blank: leave it out or name the article");
            }
            return FileRef.localFile(ref).flatMap(watchedFileId).orElseGet(() -> Hashes.submittedArticleId(ref));
        }
        return Hashes.contentHash("submit", Objects.toString(title, "") + "\n" + body);
    }

    private Article fetched(Submission s) throws SubmitException {
        if (s.url() == null || s.url().isBlank()) {
            throw new SubmitException(400, "give either \"url\" or \"body\"");
        }
        URI url = parse(s.url());
        FetchResult page;
        try {
            page = fetcher.fetch(new FetchRequest(url, null, null, true));
        } catch (FetchException e) {
            int status = switch (e.kind()) {
                case BAD_URL, BLOCKED_ADDRESS, DOWNGRADE, ROBOTS_DISALLOWED -> 400;
                case TOO_LARGE -> 413;
                default -> 502;
            };
            throw new SubmitException(status, e.getMessage());
        }
        ExtractedArticle extracted = ArticlePage.extract(page.text(), page.finalUri(), null);
        if (extracted.body().isBlank()) {
            throw new SubmitException(400, s.url() + ": no article text found on the page");
        }
        URI canonical = Urls.canonical(page.finalUri());
        Instant publishedAt = extracted.publishedAt() == null ? null : extracted.publishedAt().toInstant();
        // a page without a title of its own has none in the contract (null), not its URL, which is a field already
        String title = s.title() != null ? s.title() : extracted.title();
        return article(Urls.articleId(canonical), canonical, title, extracted.author(), extracted.lang(), publishedAt,
                extracted.body());
    }

    private Article article(String id, URI url, String title, String author, String lang, Instant publishedAt,
                            String body) throws SubmitException {
        try {
            return Articles.of(id, new SourceRef("submit", "api", null), url == null ? null : url.toString(), title,
                    author, url == null ? null : url.getHost(), lang, publishedAt, clock.instant(), body);
        } catch (IllegalArgumentException e) {
            // an article the topic contract refuses (a URL longer than a record allows) is the client's bad input
            throw new SubmitException(400, e.getMessage());
        }
    }

    private static URI parse(String url) throws SubmitException {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new SubmitException(400, "url '" + url + "' is not an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SubmitException(400, "url '" + url + "' is not a valid URL: " + e.getReason());
        }
    }
}
