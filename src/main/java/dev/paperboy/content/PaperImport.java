package dev.paperboy.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Digest;
import dev.paperboy.core.LoosePapers;
import dev.paperboy.core.Paper;
import dev.paperboy.core.command.TypedText;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Imports papers into the data directory's {@code imported/} folder, which the app reads as content
 * beside the content directory: a JSONL dump (plain or gzip) becomes {@code NAME.jsonl} of the papers
 * that were read; JSON and seed-text digests become {@code NAME.json}; a file in one of the extra
 * {@link FileFormat}s (the arXiv feeds) becomes {@code NAME.jsonl} of its papers. A malformed line or paper
 * is a problem and is skipped; the rest is imported. A file a {@link FileFormat} cannot read as a whole is
 * one problem and nothing of it is imported. Files are replaced whole (written aside, then moved).
 */
public final class PaperImport {

    /** What one imported file held and where it went. */
    public record Result(String file, Path written, long papers, int digests, long problems) {
    }

    /**
     * A format read as a whole file, for sources that live outside this package (the arXiv feeds), so that
     * content need not depend on them.
     */
    public interface FileFormat {
        /** True when this format reads files of this name (given in lower case), by their extension. */
        boolean accepts(String lowerCaseName);

        /** The papers in the file, each once; throws when the file cannot be read as a whole. */
        List<Paper> read(byte[] body) throws UnreadableFileException;
    }

    /** A file that a {@link FileFormat} cannot read at all; the message says what is wrong with it. */
    public static final class UnreadableFileException extends Exception {
        public UnreadableFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ContentDirectory imported;
    private final List<FileFormat> formats;
    private final ObjectMapper mapper = new ObjectMapper();

    public PaperImport(Path importedDir) {
        this(importedDir, List.of());
    }

    /** An import that also reads the given whole-file formats, tried in order before the built-in ones. */
    public PaperImport(Path importedDir, List<FileFormat> formats) {
        this(new ContentDirectory(importedDir), formats);
    }

    /**
     * An import into the directory of {@code imported}, the content directory that reads what is imported: it is
     * told of each dump written ({@link ContentDirectory#wrote}), so that it does not read the dump again to check
     * it. The whole-file formats are tried in order before the built-in ones.
     */
    public PaperImport(ContentDirectory imported, List<FileFormat> formats) {
        this.imported = imported;
        this.formats = List.copyOf(formats);
    }

    /**
     * Imports one file, passing every problem to {@code problems} and, for long files, how many bytes of
     * it were read so far to {@code progress}.
     */
    public Result importFile(Path file, Consumer<ContentProblem> problems, LongConsumer progress) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Files.createDirectories(imported.directory());
        long[] problemCount = {0};
        Consumer<ContentProblem> counted = p -> {
            problemCount[0]++;
            problems.accept(p);
        };
        Optional<String> tooLarge = WholeFileLimit.isDump(name) ? Optional.empty()
                : WholeFileLimit.problem(Files.size(file));
        if (tooLarge.isPresent()) {
            counted.accept(new ContentProblem(name, 0, tooLarge.get() + "; nothing was imported from this file"));
            return new Result(name, null, 0, 0, problemCount[0]);
        }
        for (FileFormat format : formats) {
            if (format.accepts(lower)) {
                return importWhole(file, name, format, counted, progress, problemCount);
            }
        }
        if (WholeFileLimit.isDump(name)) {
            Path target = imported.directory().resolve(baseName(name) + ".jsonl");
            Path temporary = imported.directory().resolve("." + baseName(name) + ".jsonl.part");
            long[] papers = {0};
            LoosePapers.Builder summary = new LoosePapers.Builder();
            try (InputStream raw = new Counting(Files.newInputStream(file), progress);
                 InputStream in = lower.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                 BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                IOException[] failed = {null};
                new JsonlPaperFormat().read(name, in, paper -> {
                    try {
                        if (write(paper, out, name, counted)) {
                            summary.accept(paper);
                            papers[0]++;
                        }
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                }, counted);
                if (failed[0] != null) {
                    throw failed[0];
                }
            } catch (IOException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            if (papers[0] == 0) {
                // a file of only bad lines must not replace what an earlier import of that name brought
                Files.deleteIfExists(temporary);
                return new Result(name, null, 0, 0, problemCount[0]);
            }
            moveInPlace(temporary, target, summary);
            return new Result(name, target, papers[0], 0, problemCount[0]);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            counted.accept(new ContentProblem(name, 0, "not valid UTF-8: save the file as UTF-8"));
            return new Result(name, null, 0, 0, problemCount[0]);
        }
        var load = lower.endsWith(".json") ? new JsonDigestFormat().parse(name, text) : new SeedTextParser().parse(name, text);
        load.problems().forEach(counted);
        List<Digest> digests = new ArrayList<>(load.digests());
        if (digests.isEmpty() && load.loosePapers().count() == 0) {
            return new Result(name, null, 0, 0, problemCount[0]);
        }
        Path target = imported.directory().resolve(baseName(name) + ".json");
        Path temporary = imported.directory().resolve("." + baseName(name) + ".json.part");
        Files.writeString(temporary, new JsonDigestFormat().write(digests), StandardCharsets.UTF_8);
        Optional<String> written = WholeFileLimit.problem(Files.size(temporary));
        if (written.isPresent()) {
            // the content directory would refuse to read it, and with it every reload
            Files.delete(temporary);
            counted.accept(new ContentProblem(name, 0, "written as JSON digests, " + written.get()
                    + "; nothing was imported from this file"));
            return new Result(name, null, 0, 0, problemCount[0]);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long papers = digests.stream().mapToLong(d -> d.papers().size()).sum();
        return new Result(name, target, papers, digests.size(), problemCount[0]);
    }

    private Result importWhole(Path file, String name, FileFormat format, Consumer<ContentProblem> problems,
                               LongConsumer progress, long[] problemCount) throws IOException {
        byte[] body = Files.readAllBytes(file);
        progress.accept(body.length);
        List<Paper> papers;
        try {
            papers = format.read(body);
        } catch (UnreadableFileException e) {
            problems.accept(new ContentProblem(name, 0, e.getMessage() + "; nothing was imported from this file"));
            return new Result(name, null, 0, 0, problemCount[0]);
        }
        if (papers.isEmpty()) {
            return new Result(name, null, 0, 0, problemCount[0]);
        }
        Path target = imported.directory().resolve(baseName(name) + ".jsonl");
        Path temporary = imported.directory().resolve("." + baseName(name) + ".jsonl.part");
        // not summarised: these papers did not pass the dump reader's checks, so the dump is read to check them
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (Paper paper : papers) {
                written += write(paper, out, name, problems) ? 1 : 0;
            }
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        if (written == 0) {
            Files.delete(temporary);
            return new Result(name, null, 0, 0, problemCount[0]);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(name, target, written, 0, problemCount[0]);
    }

    /**
     * Writes the paper as one line of the imported dump; false, writing nothing and saying why, for a paper whose
     * line would be longer than a dump's line may be ({@link JsonlPaperFormat#MAX_LINE_BYTES}): reading the dump
     * would report it, and a content problem stops every reload.
     */
    private boolean write(Paper paper, BufferedWriter out, String name, Consumer<ContentProblem> problems)
            throws IOException {
        String line = mapper.writeValueAsString(PaperJson.write(paper, mapper));
        if (line.length() > JsonlPaperFormat.MAX_LINE_BYTES / 3
                && line.getBytes(StandardCharsets.UTF_8).length > JsonlPaperFormat.MAX_LINE_BYTES) {
            String shown = TypedText.shown(paper.arxivId() != null ? paper.arxivId() : paper.title(), 80);
            problems.accept(new ContentProblem(name, 0, "the paper " + shown + " is longer than "
                    + (JsonlPaperFormat.MAX_LINE_BYTES >> 20) + " MB as a line of JSONL, more than a paper should be;"
                    + " it was not imported"));
            return false;
        }
        out.write(line);
        out.write('\n');
        return true;
    }

    /**
     * Replaces the dump with the one written aside, and tells the content directory what it holds: papers read
     * from a dump, which passed the checks reading it back would make. The file's identity is taken before the
     * move, which keeps it, so that a file another process moves in meanwhile is not taken for this one.
     */
    private void moveInPlace(Path temporary, Path target, LoosePapers.Builder summary) throws IOException {
        BasicFileAttributes written;
        try {
            written = Files.readAttributes(temporary, BasicFileAttributes.class);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        imported.wrote(target, written, summary);
    }

    /** "papers-88k.jsonl.gz" and "papers-88k.json" are both "papers-88k", and so is "papers-88k.xml". */
    static String baseName(String name) {
        String base = name.replaceAll("(?i)(\\.jsonl|\\.json|\\.txt|\\.md|\\.xml|\\.atom|\\.rss)?(\\.gz)?$", "");
        base = base.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        // content reading skips hidden files and README.*: an import must not be written as one
        if (base.isEmpty() || base.startsWith(".")) {
            return "import" + base;
        }
        return (base + ".").toLowerCase(Locale.ROOT).startsWith("readme.") ? "import-" + base : base;
    }

    /** Counts the bytes read, for a progress bar over a compressed file. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private long count;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                progress.accept(count);
            }
            return n;
        }
    }
}
