package dev.paperboy.arxiv;

/** A response that is not a feed Paperboy can read: malformed or truncated XML, or an arXiv error page. */
public final class FeedFormatException extends Exception {

    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
