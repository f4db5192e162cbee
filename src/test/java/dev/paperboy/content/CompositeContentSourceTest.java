package dev.paperboy.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ContentLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositeContentSourceTest {

    @TempDir
    Path dir;

    private static String digest(String topic, String date, String title) {
        return "{\"topic\": \"" + topic + "\", \"date\": \"" + date + "\", \"papers\": [{\"title\": \"" + title
                + "\", \"authors\": [\"A\"]}]}";
    }

    private CompositeContentSource composite(Path a, Path b) {
        return new CompositeContentSource(List.of(new CompositeContentSource.Part("", new ContentDirectory(a)),
                new CompositeContentSource.Part("data/arxiv/", new ContentDirectory(b))));
    }

    @Test
    void mergesSourcesAndNamesFilesWithTheirPrefix() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b/vision"));
        Files.writeString(a.resolve("one.json"), digest("Hand", "2026-03-01", "Typed"));
        Files.writeString(b.resolve("2026-03-02.json"), digest("Vision", "2026-03-02", "Fetched"));
        Files.writeString(b.resolve("broken.json"), "{");

        ContentLoad load = composite(a, dir.resolve("b")).load();

        assertThat(load.digests()).extracting(d -> d.source().file())
                .containsExactly("one.json", "data/arxiv/vision/2026-03-02.json");
        assertThat(load.problems()).singleElement().asString().startsWith("data/arxiv/vision/broken.json:");
    }

    @Test
    void theVersionIsThePartsVersionsAndUnknownWhenOnePartCannotTell() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("one.json"), digest("Hand", "2026-03-01", "Typed"));
        CompositeContentSource source = composite(a, b);
        String before = source.version().orElseThrow();

        assertThat(source.load().version()).isEqualTo(before);
        Files.writeString(b.resolve("two.json"), digest("Vision", "2026-03-02", "Fetched"));
        assertThat(source.version().orElseThrow()).isNotEqualTo(before);
        assertThat(new CompositeContentSource(List.of(new CompositeContentSource.Part("", new ContentDirectory(a)),
                new CompositeContentSource.Part("fake/", new dev.paperboy.core.FakeContentSource()))).version())
                .isEmpty();
    }

    @Test
    void theSameTopicAndDayInTwoSourcesIsAProblemNamingBoth() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("one.json"), digest("Vision", "2026-03-02", "Typed"));
        Files.writeString(b.resolve("two.json"), digest("vision", "2026-03-02", "Fetched"));

        ContentLoad load = composite(a, b).load();

        assertThat(load.problems()).singleElement().asString()
                .isEqualTo("data/arxiv/two.json:1: digest \"vision\" 2026-03-02 is already defined at one.json:1;"
                        + " rename one of the topics");
    }
}
