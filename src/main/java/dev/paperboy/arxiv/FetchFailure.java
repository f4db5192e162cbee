package dev.paperboy.arxiv;

/** A fetch that did not work, with a reason written for an admin reading {@code /status} or the log. */
public final class FetchFailure extends Exception {

    public FetchFailure(String reason) {
        super(reason);
    }

    public FetchFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The reason, one sentence. */
    public String reason() {
        return getMessage();
    }
}
