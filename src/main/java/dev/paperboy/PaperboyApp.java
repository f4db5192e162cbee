package dev.paperboy;

import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.content.CompositeContentSource;
import dev.paperboy.content.ContentDirectory;
import dev.paperboy.core.ContentSource;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.ReloadResult;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRegistry;
import dev.paperboy.search.IndexStorage;
import dev.paperboy.search.LuceneSearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The composition root: wires content, library, search and commands from one configuration. */
public final class PaperboyApp implements AutoCloseable {

    private final PaperboyConfig config;
    private final LuceneSearchIndex search;
    private final LiveLibrary library;
    private final CommandDispatcher dispatcher;

    public PaperboyApp(PaperboyConfig config, Clock clock) {
        this.config = config;
        this.search = new LuceneSearchIndex(IndexStorage.onDisk(config.dataDir().resolve("index")));
        this.library = new LiveLibrary(contentSource(config), List.of(search), clock);
        this.dispatcher = new CommandDispatcher(
                CommandRegistry.standard(library, search, clock, config.timezone(), config.pageSize()));
    }

    /** Where {@code import} puts papers; read as content beside the content directory. */
    public static Path importedDir(PaperboyConfig config) {
        return config.dataDir().resolve("imported");
    }

    /** The content directory plus the imported papers (an import by another process shows on the next reload). */
    private static ContentSource contentSource(PaperboyConfig config) {
        ContentDirectory content = new ContentDirectory(config.contentDir());
        Path imported = importedDir(config);
        try {
            Files.createDirectories(imported);
        } catch (IOException e) {
            return content; // a read-only data directory: nothing was ever imported into it
        }
        return new CompositeContentSource(List.of(new CompositeContentSource.Part("", content),
                new CompositeContentSource.Part("imported/", new ContentDirectory(imported))));
    }

    /** Reads the content for the first time (or again); on problems the library stays as it was. */
    public ReloadResult loadContent() {
        return library.reload();
    }

    public PaperboyConfig config() {
        return config;
    }

    public LiveLibrary library() {
        return library;
    }

    public LuceneSearchIndex search() {
        return search;
    }

    public CommandDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void close() {
        search.close();
    }
}
