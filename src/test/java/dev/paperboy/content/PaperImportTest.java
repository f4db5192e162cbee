package dev.paperboy.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Paper;
import dev.paperboy.core.PaperPrints;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
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
        assertThat(PaperImport.baseName("README.jsonl")).as("content reading skips README.*").isEqualTo("import-README");
        assertThat(PaperImport.baseName("readme.v2.jsonl.gz")).isEqualTo("import-readme.v2");
        assertThat(PaperImport.baseName("readmeish.jsonl")).isEqualTo("readmeish");
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

    /** Every kind of value a dump line can hold, a malformed line, a copy of an id, and one without an id. */
    private static final String DUMP = """
            {"id": "2401.00001", "version": 3, "title": "Tiny  Models\u00a0Tell Tall Tales", "authors": ["Iris Vogel", " Tom Baker "], "abstract": "Small models\\nhallucinate.", "comment": "8 pages", "categories": ["cs.CL", "cs.AI"], "published": "2024-01-02", "updated": "2024-02-01", "links": ["https://arxiv.org/abs/2401.00001"], "source": "x"}
            {"id": "2401.00002", "title": "Dust Lanes", "authors": ["Pedro Alves"], "abstract": "", "categories": [], "published": "2024-01-03"}
            {"id": "2401.00003", "title": "Broken line"
            {"title": "A Paper Without An Id", "authors": ["Ana Lima"], "abstract": "Émigré café naïve 🙂 text."}
            {"id": "2401.00002", "title": "Dust Lanes Again", "authors": ["Pedro Alves"], "published": "2024-01-04"}
            """;

    @Test
    void aDumpIsSummarisedAsItIsWrittenExactlyAsReadingItBackWouldSummariseIt() throws Exception {
        Path dump = Files.writeString(dir.resolve("papers.jsonl"), DUMP);
        ContentDirectory told = new ContentDirectory(dir.resolve("imported"));
        List<ContentProblem> problems = new ArrayList<>();

        PaperImport.Result result = new PaperImport(told, List.of()).importFile(dump, problems::add, n -> { });

        assertThat(problems).hasSize(1);
        assertThat(result.papers()).isEqualTo(4);
        ContentLoad summarised = told.load();
        ContentLoad read = new ContentDirectory(dir.resolve("imported")).load();
        assertThat(read.problems()).isEmpty();
        assertThat(summarised.problems()).isEmpty();
        assertThat(printsOf(summarised)).isEqualTo(printsOf(read)).hasSize(3);
        assertThat(summarised.loosePapers().copies()).isEqualTo(read.loosePapers().copies()).isEqualTo(1);
        assertThat(summarised.loosePapers().newest()).isEqualTo(read.loosePapers().newest());
        List<String> again = new ArrayList<>();
        summarised.loosePapers().forEach(paper -> again.add(paper.title()));
        assertThat(again).containsExactly("Tiny  Models\u00a0Tell Tall Tales", "Dust Lanes", "A Paper Without An Id",
                "Dust Lanes Again");
    }

    @Test
    void theContentDirectoryToldOfAnImportedDumpDoesNotReadItAgainWhileItIsUnchanged() throws Exception {
        Path dump = Files.writeString(dir.resolve("papers.jsonl"), DUMP);
        ContentDirectory told = new ContentDirectory(dir.resolve("imported"));
        PaperImport.Result result = new PaperImport(told, List.of()).importFile(dump, p -> { }, n -> { });
        // read by another directory: told itself must not read the file before it is changed
        List<String> asWritten = printsOf(new ContentDirectory(dir.resolve("imported")).load());
        // the same size, time and file: to the directory, the file it was told of
        FileTime time = Files.getLastModifiedTime(result.written());
        byte[] bytes = Files.readAllBytes(result.written());
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("Dust", "Rust");
        Files.write(result.written(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.setLastModifiedTime(result.written(), time);

        assertThat(printsOf(told.load())).as("not read: the prints of what was written").isEqualTo(asWritten);
        assertThat(printsOf(new ContentDirectory(dir.resolve("imported")).load())).as("read: the file as it is now")
                .hasSameSizeAs(asWritten).isNotEqualTo(asWritten);
        List<String> readAgain = new ArrayList<>();
        told.load().loosePapers().forEach(paper -> readAgain.add(paper.title()));
        assertThat(readAgain).as("the papers themselves are read from the file").contains("Rust Lanes");
    }

    @Test
    void papersOfAWholeFileFormatAreCheckedByReadingTheDumpBackNotTakenOnTrust() throws Exception {
        // a year the dump reader refuses ("+10000-03-01"), which a feed's own reader may take
        Paper farFuture = new Paper("2603.00001", 1, "From the far future", List.of("Ada Lovelace"), "Soon.", "",
                List.of("cs.AI"), LocalDate.of(10_000, 3, 1), null, List.of());
        PaperImport.FileFormat feeds = atomReadAs(farFuture);
        Path file = Files.writeString(dir.resolve("budget.atom"), "<feed/>");
        ContentDirectory told = new ContentDirectory(dir.resolve("imported"));

        new PaperImport(told, List.of(feeds)).importFile(file, p -> { }, n -> { });

        assertThat(told.load().problems()).extracting(ContentProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("\"published\" must be YYYY-MM-DD"));
    }

    @Test
    void aLineWithHalfACharacterIsAProblemAndTheRestIsImported() throws Exception {
        Path dump = Files.writeString(dir.resolve("broken.jsonl"), """
                {"id": "2401.00001", "title": "Bad \\ud800 char", "authors": ["Ana Lima"], "published": "2024-01-02"}
                {"id": "2401.00002", "title": "Good", "authors": ["Ana Lima", "Bo \\udc00"], "published": "2024-01-02"}
                {"id": "2401.00003", "title": "Fine \\ud83d\\ude80", "authors": ["Ana Lima"], "published": "2024-01-02"}
                """);
        List<ContentProblem> problems = new ArrayList<>();

        PaperImport.Result result = new PaperImport(dir.resolve("imported")).importFile(dump, problems::add, n -> { });

        assertThat(result.papers()).isEqualTo(1);
        assertThat(problems).extracting(ContentProblem::toString).containsExactly(
                "broken.jsonl:1: \"title\" holds half of a character (an escape such as \\ud800 without its pair):"
                        + " no UTF-8 file or chat can carry it; remove it or write the whole character",
                "broken.jsonl:2: \"authors\" holds half of a character (an escape such as \\ud800 without its pair):"
                        + " no UTF-8 file or chat can carry it; remove it or write the whole character");
        assertThat(new ContentDirectory(dir.resolve("imported")).load().problems()).isEmpty();
    }

    @Test
    void aDumpOfOnlyBadLinesLeavesTheEarlierImportOfThatNameAsItWas() throws Exception {
        Path dump = Files.writeString(dir.resolve("papers.jsonl"), DUMP);
        PaperImport importer = new PaperImport(dir.resolve("imported"));
        Path written = importer.importFile(dump, p -> { }, n -> { }).written();
        String before = Files.readString(written);

        Files.writeString(dump, "not json\n{\"title\": \"\"}\n");
        List<ContentProblem> problems = new ArrayList<>();
        PaperImport.Result again = importer.importFile(dump, problems::add, n -> { });

        assertThat(again.written()).isNull();
        assertThat(problems).hasSize(3);
        assertThat(Files.readString(written)).isEqualTo(before);
        assertThat(again.papers()).isZero();
        Files.writeString(dump, "");
        assertThat(importer.importFile(dump, p -> { }, n -> { }).written()).as("an empty file").isNull();
        assertThat(Files.readString(written)).isEqualTo(before);
        try (var files = Files.list(dir.resolve("imported"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("papers.jsonl");
        }
    }

    /** Each paper's key hash and fingerprint, in order. */
    private static List<String> printsOf(ContentLoad load) {
        PaperPrints prints = load.loosePapers().prints();
        List<String> each = new ArrayList<>();
        for (int i = 0; i < prints.size(); i++) {
            each.add(prints.keyHash(i) + ":" + prints.fingerprint(i));
        }
        return each;
    }

    @Test
    void aDigestThatWouldBeTooLargeToReadAsJsonIsOneProblemAndImportsNothing() throws Exception {
        // every quote doubles as JSON: 17 MB of text is 34 MB of JSON, which the content directory would refuse
        Path seed = Files.writeString(dir.resolve("quotes.txt"), "Vision Transformer\n\n2022-11-15 update\n\n"
                + "Quoted\n\nAuthors: Ada Example\n\n" + "\"".repeat(17 << 20) + "\n");
        List<ContentProblem> problems = new ArrayList<>();

        PaperImport.Result result = new PaperImport(dir.resolve("imported")).importFile(seed, problems::add, n -> { });

        assertThat(result.written()).isNull();
        assertThat(problems).singleElement().asString().startsWith("quotes.txt: written as JSON digests, the file is")
                .endsWith("; nothing was imported from this file");
        assertThat(dir.resolve("imported")).isEmptyDirectory();
    }

    @Test
    void aPaperTooLongForALineOfTheDumpIsAProblemAndTheOthersAreImported() throws Exception {
        Paper huge = new Paper("2603.00001", 1, "Long", List.of("Ada Lovelace"),
                "x".repeat(JsonlPaperFormat.MAX_LINE_BYTES), "", List.of("cs.AI"), LocalDate.of(2026, 3, 1), null,
                List.of());
        Paper fine = new Paper("2603.00002", 1, "Short", List.of("Ada Lovelace"), "Fine.", "", List.of("cs.AI"),
                LocalDate.of(2026, 3, 1), null, List.of());
        PaperImport.FileFormat feeds = atomReadAs(huge, fine);
        Path file = Files.writeString(dir.resolve("long.atom"), "<feed/>");
        ContentDirectory told = new ContentDirectory(dir.resolve("imported"));
        List<ContentProblem> problems = new ArrayList<>();

        PaperImport.Result result = new PaperImport(told, List.of(feeds)).importFile(file, problems::add, n -> { });

        assertThat(result.papers()).isEqualTo(1);
        assertThat(problems).singleElement().asString().isEqualTo("long.atom: the paper 2603.00001 is longer than 1 MB"
                + " as a line of JSONL, more than a paper should be; it was not imported");
        assertThat(told.load().problems()).as("what it wrote reads back").isEmpty();
    }

    /** A whole-file format of {@code .atom} files that reads these papers from any of them. */
    private static PaperImport.FileFormat atomReadAs(Paper... papers) {
        return new PaperImport.FileFormat() {
            @Override
            public boolean accepts(String lowerCaseName) {
                return lowerCaseName.endsWith(".atom");
            }

            @Override
            public List<Paper> read(byte[] body) {
                return List.of(papers);
            }
        };
    }

    @Test
    void aFileReadWholeThatIsTooLargeIsOneProblemAndImportsNothing() throws Exception {
        Path digest = dir.resolve("huge.json");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(digest.toFile(), "rw")) {
            sparse.setLength(WholeFileLimit.MAX_BYTES + 1);
        }
        List<ContentProblem> problems = new ArrayList<>();

        PaperImport.Result result = new PaperImport(dir.resolve("imported")).importFile(digest, problems::add, n -> { });

        assertThat(result.written()).isNull();
        assertThat(result.papers()).isZero();
        assertThat(problems).singleElement().asString().isEqualTo("huge.json: the file is 32.1 MB, over the 32 MB a"
                + " file read whole may be; split it into smaller files, or write its papers as a JSONL dump (.jsonl,"
                + " one paper a line), which has no limit; nothing was imported from this file");
    }
}
