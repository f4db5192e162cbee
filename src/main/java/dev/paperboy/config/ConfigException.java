package dev.paperboy.config;

/** The configuration cannot be used; the message is one line naming the file and the key. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
