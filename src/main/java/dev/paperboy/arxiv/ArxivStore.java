package dev.paperboy.arxiv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.paperboy.content.JsonDigestFormat;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetched papers on disk, so they survive restarts: one JSON digest per topic and listing day at
 * {@code <root>/<topic-slug>/<date>.json}, readable by the content directory loader, and the fetcher's
 * state in {@code <root>/.state.json} (hidden, so the loader skips it). Every file is written to a hidden
 * temporary file and moved into place, so a reload never sees half a file.
 */
public final class ArxivStore {

    private static final Logger LOG = LoggerFactory.getLogger(ArxivStore.class);
    private static final String STATE = ".state.json";

    private final Path root;
    private final JsonDigestFormat json;
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A state file written by a newer Paperboy still reads.
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ArxivStore(Path root, JsonDigestFormat json) {
        this.root = root;
        this.json = json;
    }

    public Path root() {
        return root;
    }

    /** Creates the directory, so the content loader finds it even before the first fetch. */
    public void create() throws IOException {
        Files.createDirectories(root);
    }

    /** The stored digests of a topic; a stored file that no longer reads is a failure, not an empty topic. */
    public List<Digest> digests(String slug) throws FetchFailure {
        Path dir = root.resolve(slug);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Digest> digests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(ArxivStore::isDigestFile).sorted().toList()) {
                String name = slug + "/" + file.getFileName();
                ContentLoad load = json.parse(name, Files.readString(file, StandardCharsets.UTF_8));
                if (!load.ok()) {
                    throw new FetchFailure("the stored file " + root.resolve(name) + " does not read: "
                            + load.problems().get(0) + "; fix or delete it");
                }
                digests.addAll(load.digests());
            }
        } catch (IOException e) {
            throw new FetchFailure("cannot read the stored papers in " + dir + ": " + e.getMessage(), e);
        }
        return digests;
    }

    /** Writes one digest (replacing that day's file of the topic) atomically. */
    public void write(String slug, Digest digest) throws FetchFailure {
        Path file = root.resolve(slug).resolve(digest.date() + ".json");
        try {
            writeAtomically(file, json.write(List.of(digest)));
        } catch (IOException e) {
            throw new FetchFailure("cannot store the papers in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file name a stored digest is known by to the content loader, relative to the root. */
    public static String fileName(String slug, LocalDate date) {
        return slug + "/" + date + ".json";
    }

    /** The remembered state; a missing or unreadable state file means starting afresh (and says so). */
    public ArxivState readState() {
        Path file = root.resolve(STATE);
        if (!Files.exists(file)) {
            return ArxivState.empty();
        }
        try {
            return mapper.readValue(file.toFile(), ArxivState.class);
        } catch (IOException e) {
            LOG.warn("Cannot read {} ({}); starting with no memory of earlier arXiv fetches", file, e.getMessage());
            return ArxivState.empty();
        }
    }

    public void writeState(ArxivState state) throws IOException {
        writeAtomically(root.resolve(STATE), mapper.writeValueAsString(state));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean isDigestFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".");
    }
}
