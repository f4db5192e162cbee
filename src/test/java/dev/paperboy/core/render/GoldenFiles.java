package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares rendered output with the expected files under {@code src/test/resources/golden/}. Run the
 * tests with {@code -Dgolden.update=true} to rewrite the files from the current output, then review
 * the diff before committing.
 */
public final class GoldenFiles {

    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        String text = actual.endsWith("\n") ? actual : actual + "\n";
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s is missing; run the tests with -Dgolden.update=true to write it", file)
                    .exists();
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text)
                    .as("output differs from %s; if the change is intended, rerun with -Dgolden.update=true and review the diff",
                            file)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Messages one after another, each under a line that gives its number and length. */
    public static String messages(List<String> messages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            String message = messages.get(i);
            out.append("===== message ").append(i + 1).append(" of ").append(messages.size())
                    .append(" (").append(message.length()).append(" chars) =====\n")
                    .append(message).append('\n');
        }
        return out.toString();
    }
}
