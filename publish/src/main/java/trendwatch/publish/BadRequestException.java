package trendwatch.publish;

/** A request parameter that is missing or malformed; answered with 400 and the message as the reason. */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
