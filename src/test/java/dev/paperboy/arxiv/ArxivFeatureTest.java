package dev.paperboy.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.arxiv.FakeArxiv.Answer;
import dev.paperboy.config.ConfigLoader;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.content.CompositeContentSource;
import dev.paperboy.content.ContentDirectory;
import dev.paperboy.core.LiveLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feature as the app wires it from the configuration. */
class ArxivFeatureTest {

    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneOffset.UTC);

    /** Built from YAML, as users write it, so this test does not depend on the record's shape. */
    private PaperboyConfig config(String topics, FakeArxiv arxiv) {
        return new ConfigLoader().parse("test.yml", "content-dir: " + dir.resolve("content") + "\n"
                + "data-dir: " + dir.resolve("data") + "\n"
                + "arxiv:\n  contact: admin@example.org\n  api-url: " + arxiv.apiUrl() + "\n  rss-url: "
                + arxiv.rssUrl() + "\n" + topics);
    }

    @Test
    void withoutTopicsNothingIsCreatedOrScheduled() {
        try (FakeArxiv arxiv = new FakeArxiv()) {
            PaperboyConfig config = config("", arxiv);

            assertThat(ArxivFeature.contentPart(config)).isEmpty();
            try (ArxivFeature feature = ArxivFeature.create(config, null, clock)) {
                feature.start();
                assertThat(feature.statusContributors()).isEmpty();
                assertThat(feature.fetchNow()).isEmpty();
            }
            assertThat(ArxivFeature.directory(config)).doesNotExist();
            assertThat(arxiv.requests()).isEmpty();
        }
    }

    @Test
    void fetchedPapersReachTheLibraryAndStatus() throws Exception {
        try (FakeArxiv arxiv = new FakeArxiv()) {
            arxiv.rss(Answer.ok("rss-listing.xml"));
            PaperboyConfig config = config("topics:\n  - name: Vision\n    categories: [cs.CV]\n", arxiv);
            Files.createDirectories(config.contentDir());
            List<CompositeContentSource.Part> parts = new ArrayList<>();
            parts.add(new CompositeContentSource.Part("", new ContentDirectory(config.contentDir())));
            ArxivFeature.contentPart(config).ifPresent(parts::add);
            LiveLibrary library = new LiveLibrary(new CompositeContentSource(parts), List.of(), clock);
            library.reload();

            try (ArxivFeature feature = ArxivFeature.create(config, library, clock)) {
                ArxivUpdater.RunReport report = feature.fetchNow().orElseThrow();

                assertThat(report.reload().applied()).isTrue();
                assertThat(library.current().findTopic("Vision")).isPresent();
                assertThat(library.current().digestsOf("Vision").get(0).source().file())
                        .isEqualTo("arxiv/vision/2026-03-02.json");
                assertThat(feature.statusContributors().get(0).statusLines())
                        .contains("arXiv: 1 topic, not scheduled", "arXiv \"Vision\": 3 new papers for 2026-03-02"
                                + " (2026-03-02 01:30 UTC)");
            }
            assertThat(arxiv.requests().get(0).header("User-Agent")).startsWith("Paperboy/")
                    .endsWith("(research digest bot; mailto:admin@example.org)");
        }
    }
}
