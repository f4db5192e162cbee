package dev.paperboy;

import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.content.ContentDirectory;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.ReloadResult;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRegistry;
import dev.paperboy.search.IndexStorage;
import dev.paperboy.search.LuceneSearchIndex;
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
        this.library = new LiveLibrary(new ContentDirectory(config.contentDir()), List.of(search), clock);
        this.dispatcher = new CommandDispatcher(
                CommandRegistry.standard(library, search, clock, config.timezone(), config.pageSize()));
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
