package dev.paperboy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small content directories for end-to-end tests. */
public final class ContentFiles {

    public static final String VIT = """
            Vision Transformer

            2022-11-15 update

            Sparse Patches for Fast Vision Transformers

            Authors: Ada Example, Ben Sample

            We skip the boring patches. Our invented model is fast.
            PDF 8 pages

            Colour Constancy with Attention

            Authors:Cy Person

            An invented abstract about colours and attention.
            """;

    public static final String SPEECH = """
            {"topic": "Speech", "date": "2022-11-16", "papers": [
              {"id": "2211.09999v2", "title": "Listening Transformers", "authors": ["Dee Voice"],
               "abstract": "An invented abstract about hearing.", "comment": "Demo"}
            ]}
            """;

    private ContentFiles() {
    }

    public static Path write(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A content directory with one text digest and one JSON digest. */
    public static Path standard(Path dir) {
        write(dir, "vit.txt", VIT);
        write(dir, "speech.json", SPEECH);
        return dir;
    }
}
