package trendwatch.app.cli;

/** The exit codes of the contract. */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
