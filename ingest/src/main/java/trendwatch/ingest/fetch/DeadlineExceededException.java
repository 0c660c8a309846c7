package trendwatch.ingest.fetch;

import java.io.IOException;

/** Raised from inside the socket streams when the exchange's deadline has passed; the fetcher maps it to TIMEOUT. */
final class DeadlineExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    DeadlineExceededException(String message) {
        super(message);
    }
}
