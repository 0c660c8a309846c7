package trendwatch.app.cli;

/** Input the user gave that cannot be used; exit code 2. */
final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
