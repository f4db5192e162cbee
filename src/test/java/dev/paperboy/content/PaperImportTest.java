package dev.paperboy.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ContentProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperImportTest {

    @TempDir
    Path dir;

    @Test
    void namesTheImportedFileAfterTheSourceSafely() {
        assertThat(PaperImport.baseName("papers-88k.jsonl.gz")).isEqualTo("papers-88k");
        assertThat(PaperImport.baseName("digest.json")).isEqualTo("digest");
        assertThat(PaperImport.baseName("a b/c?.txt")).isEqualTo("a_b_c_");
        assertThat(PaperImport.baseName(".jsonl")).isEqualTo("import");
    }

    @Test
    void aSeedTextDigestBecomesAJsonDigestThatReadsBackAlike() throws Exception {
        Path seed = Files.writeString(dir.resolve("vit.txt"), """
                Vision Transformer

                2022-11-15 update

                Sparse Patches for Fast Vision Transformers

                Authors: Ada Example, Ben Sample

                We skip the boring patches.
                """);
        List<ContentProblem> problems = new ArrayList<>();

        PaperImport.Result result = new PaperImport(dir.resolve("imported")).importFile(seed, problems::add, n -> { });

        assertThat(problems).isEmpty();
        assertThat(result.written()).isEqualTo(dir.resolve("imported/vit.json"));
        var back = new JsonDigestFormat().parse("vit.json", Files.readString(result.written()));
        assertThat(back.problems()).isEmpty();
        assertThat(back.digests().get(0).papers().get(0).title()).isEqualTo("Sparse Patches for Fast Vision Transformers");
    }
}
