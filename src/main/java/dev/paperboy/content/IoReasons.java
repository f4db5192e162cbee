package dev.paperboy.content;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Words an I/O failure for an admin: what went wrong, without a Java class name or stack trace. */
final class IoReasons {

    private IoReasons() {
    }

    static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: let the user running Paperboy read it";
        }
        if (e instanceof NoSuchFileException) {
            return "it disappeared while the content was being read";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
