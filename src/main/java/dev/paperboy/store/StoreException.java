package dev.paperboy.store;

/** A database failure, with the operation that failed; never carries credentials. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
