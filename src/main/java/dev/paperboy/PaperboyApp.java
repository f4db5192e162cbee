package dev.paperboy;

import dev.paperboy.arxiv.ArxivFeature;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.content.CompositeContentSource;
import dev.paperboy.content.ContentDirectory;
import dev.paperboy.core.ContentSource;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.ReloadResult;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRegistry;
import dev.paperboy.core.delivery.DeliveryEngine;
import dev.paperboy.core.delivery.DeliverySettings;
import dev.paperboy.core.delivery.DigestFormatter;
import dev.paperboy.core.delivery.MessageSender;
import dev.paperboy.core.delivery.RateLimitPolicy;
import dev.paperboy.core.delivery.RetryPolicy;
import dev.paperboy.core.delivery.Subscriptions;
import dev.paperboy.core.command.Platform;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcDeliveryStore;
import dev.paperboy.search.IndexStorage;
import dev.paperboy.search.LuceneSearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The composition root: wires content, library, search, delivery and commands from one configuration. */
public final class PaperboyApp implements AutoCloseable {

    private final PaperboyConfig config;
    private final ContentDirectory imported;
    private final LuceneSearchIndex search;
    private final LiveLibrary library;
    private final CommandDispatcher dispatcher;
    private final JdbcDeliveryStore store;
    private final DeliveryEngine delivery;
    private final ArxivFeature arxiv;

    public PaperboyApp(PaperboyConfig config, Clock clock) {
        this.config = config;
        this.imported = new ContentDirectory(importedDir(config));
        this.search = new LuceneSearchIndex(indexStorage(config));
        this.library = new LiveLibrary(contentSource(config, imported), List.of(search), clock);
        this.arxiv = ArxivFeature.create(config, library, clock);
        this.store = JdbcDeliveryStore.open(database(config));
        PaperboyConfig.Delivery options = config.delivery();
        DeliverySettings settings = new DeliverySettings(options.windowDays(), options.sendEmptyNote(),
                Duration.ofSeconds(options.checkEverySeconds()), options.senderThreads(), RetryPolicy.defaults());
        this.delivery = DeliveryEngine.create(store, library, search, List.of(), List.of(),
                Arrays.stream(Platform.values()).map(RateLimitPolicy::defaultFor).toList(), settings, clock);
        Subscriptions subscriptions = new Subscriptions(store, delivery.planner(), config.deliveryTime(),
                config.timezone(), settings.windowDays(), clock);
        this.dispatcher = new CommandDispatcher(CommandRegistry.standard(library, search, clock, config.timezone(),
                config.pageSize(), subscriptions, Stream.concat(Stream.of(delivery, search),
                        arxiv.statusContributors().stream()).toList()));
    }

    /**
     * The store of subscriptions, ledger and outbox: the SQLite file {@code paperboy.db} in the data
     * directory, or the database of {@code PAPERBOY_DATABASE_URL} (a jdbc:postgresql: URL with its
     * credentials, which is why it comes from the environment and not the file).
     */
    private static Database database(PaperboyConfig config) {
        String url = System.getenv("PAPERBOY_DATABASE_URL");
        return url == null || url.isBlank() ? Database.sqlite(config.dataDir()) : Database.url(url);
    }

    /**
     * Lets one platform's subscriptions be delivered, with its digest formatter and message sender.
     * Each adapter calls this when it runs; a platform without one keeps its subscriptions waiting.
     */
    public void deliverVia(DigestFormatter formatter, MessageSender sender) {
        delivery.register(formatter, sender);
    }

    /** Starts planning and sending; {@link #close()} stops them gracefully. */
    public void startDelivery() {
        delivery.start();
    }

    /**
     * Starts fetching the configured arXiv topics on arXiv's schedule (at once for topics that missed a
     * fetch); fetched papers are stored, indexed, and reach chats with the next delivery run. Without
     * topics this does nothing and no request is made.
     */
    public void startArxivFetch() {
        arxiv.start();
    }

    public DeliveryEngine delivery() {
        return delivery;
    }

    /** Where the search index is kept: {@code index/} in the data directory. */
    public static IndexStorage indexStorage(PaperboyConfig config) {
        return IndexStorage.onDisk(config.dataDir().resolve("index"));
    }

    /** Where {@code import} puts papers; read as content beside the content directory. */
    public static Path importedDir(PaperboyConfig config) {
        return config.dataDir().resolve("imported");
    }

    /**
     * Everything the library is read from: the content directory, the imported papers and the fetched
     * arXiv topics (an import by another process shows on the next reload).
     */
    public static ContentSource contentSource(PaperboyConfig config) {
        return contentSource(config, new ContentDirectory(importedDir(config)));
    }

    private static ContentSource contentSource(PaperboyConfig config, ContentDirectory imported) {
        ContentDirectory content = new ContentDirectory(config.contentDir());
        try {
            Files.createDirectories(imported.directory());
        } catch (IOException e) {
            return content; // a read-only data directory: nothing was ever imported into it
        }
        List<CompositeContentSource.Part> parts = new ArrayList<>(List.of(new CompositeContentSource.Part("", content),
                new CompositeContentSource.Part("imported/", imported)));
        ArxivFeature.contentPart(config).ifPresent(parts::add);
        return new CompositeContentSource(parts);
    }

    /**
     * The imported papers as content, {@code imported/} in the data directory: an import into it that says what it
     * wrote ({@link ContentDirectory#wrote}) spares the next {@link #loadContent} reading the dumps to check them.
     */
    public ContentDirectory importedContent() {
        return imported;
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
        // The fetch first (it reloads the library), then delivery: sends in flight are recorded before the store goes.
        arxiv.close();
        delivery.close();
        store.close();
        search.close();
    }
}
