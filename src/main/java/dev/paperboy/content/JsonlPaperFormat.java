package dev.paperboy.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.LoosePapers;
import dev.paperboy.core.Paper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads paper dumps in JSON Lines: one paper object a line ({@code id}, {@code title}, {@code authors},
 * {@code abstract}, {@code categories}, {@code published}, optional {@code comment}; other fields are
 * ignored), plain or gzip-compressed ({@code .jsonl.gz}). The papers belong to no digest. A bad line is
 * one problem with its number and reading goes on; it streams, so an 88k-paper dump needs no more
 * memory than the caller keeps.
 */
public final class JsonlPaperFormat {

    /** What one pass over a dump saw, for progress and import reports. */
    public record Counts(long lines, long papers, long problems) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(JsonlPaperFormat.class);
    /** Problems of a dump read again that are logged one by one; the rest are counted. */
    private static final int LOGGED_AGAIN = 5;

    /** How many problems {@link #load} keeps from one file. */
    public static final int MAX_PROBLEMS = 100;

    /**
     * The longest line read as a paper, far over any real one (an abstract and a 3,000-author list are tens of
     * KB): a file that is not a dump, or lacks its line breaks, would otherwise be held whole in memory.
     */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final ObjectReader reader;

    public JsonlPaperFormat() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.reader = mapper.reader();
    }

    /**
     * Streams the papers of a dump to {@code papers} and its problems to {@code problems}, in line order.
     *
     * @throws IOException when the reader fails; the papers and problems passed on before stay valid
     */
    public Counts read(String fileName, Reader source, Consumer<Paper> papers, Consumer<ContentProblem> problems)
            throws IOException {
        BufferedReader lines = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
        Pass pass = new Pass(fileName, papers, problems);
        String line;
        while ((line = lines.readLine()) != null) {
            int number = pass.nextLine();
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.length() > MAX_LINE_BYTES) {
                pass.tooLong(number);
            } else if (!line.isBlank()) {
                String json = line;
                pass.record(number, () -> reader.readTree(json));
            }
        }
        return pass.counts();
    }

    /**
     * Streams a dump file, gunzipping it when its name ends in {@code .gz}. The bytes must be UTF-8: a
     * line that is not is one problem, and reading goes on with the next line.
     *
     * @throws IOException when the file cannot be read or is not gzip though named so
     */
    public Counts read(String fileName, Path path, Consumer<Paper> papers, Consumer<ContentProblem> problems)
            throws IOException {
        try (InputStream in = open(path)) {
            return read(fileName, in, papers, problems);
        }
    }

    /**
     * Streams a dump from UTF-8 bytes. Lines are handed to Jackson as bytes, which is both faster than
     * decoding them first and the way to report invalid UTF-8 on its own line.
     */
    public Counts read(String fileName, InputStream in, Consumer<Paper> papers, Consumer<ContentProblem> problems)
            throws IOException {
        Pass pass = new Pass(fileName, papers, problems);
        byte[] chunk = new byte[1 << 16];
        ByteLine line = new ByteLine();
        int n;
        while ((n = in.read(chunk)) >= 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    line.append(chunk, start, i - start);
                    byteLine(pass, line);
                    start = i + 1;
                }
            }
            line.append(chunk, start, n - start);
        }
        if (line.length > 0 || line.tooLong) {
            byteLine(pass, line);
        }
        return pass.counts();
    }

    private void byteLine(Pass pass, ByteLine line) {
        int number = pass.nextLine();
        if (line.length > 0 && line.bytes[line.length - 1] == '\r') {
            line.length--;
        }
        if (line.tooLong || line.length > MAX_LINE_BYTES) {
            pass.tooLong(number);
            line.clear();
            return;
        }
        int from = 0;
        int to = line.length;
        if (number == 1 && to >= 3 && (line.bytes[0] & 0xFF) == 0xEF && (line.bytes[1] & 0xFF) == 0xBB
                && (line.bytes[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        while (to > from && isSpace(line.bytes[to - 1])) {
            to--;
        }
        while (from < to && isSpace(line.bytes[from])) {
            from++;
        }
        if (from < to) {
            byte[] bytes = line.bytes;
            int offset = from;
            int length = to - from;
            pass.record(number, () -> reader.readTree(bytes, offset, length));
        }
        line.clear();
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    /**
     * Reads a whole dump file and summarises its papers, which are read from the file again when they are
     * needed (to index them) rather than held; a file that cannot be read is one more problem. Only the
     * first {@value #MAX_PROBLEMS} problems are kept, then one that says how many more there were: a file
     * in the wrong format would otherwise bury the admin under one problem per line.
     */
    public ContentLoad load(String fileName, Path path) {
        LoosePapers.Builder papers = new LoosePapers.Builder();
        List<ContentProblem> problems = new ArrayList<>();
        long[] more = {0};
        Consumer<ContentProblem> capped = p -> {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            } else {
                more[0]++;
            }
        };
        try {
            read(fileName, path, papers, capped);
        } catch (IOException e) {
            problems.add(new ContentProblem(fileName, 0, "cannot read the file: " + IoReasons.of(e)));
        }
        if (more[0] > 0) {
            problems.add(new ContentProblem(fileName, 0, "and " + more[0] + " more problems like the ones above"));
        }
        return new ContentLoad(List.of(), papers.build(each -> readAgain(fileName, path, each)), problems);
    }

    /**
     * The load of a dump this process has just written, as {@link #load} would read it, from the summary of the
     * papers written into it: no problems, and the papers read again from the file when they are needed.
     */
    ContentLoad written(String fileName, Path path, LoosePapers.Builder papers) {
        return new ContentLoad(List.of(), papers.build(each -> readAgain(fileName, path, each)), List.of());
    }

    /** Writes papers as a dump this format reads: one JSON object a line, UTF-8, replacing {@code file}. */
    public static void write(Iterable<Paper> papers, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Paper paper : papers) {
                out.write(mapper.writeValueAsString(PaperJson.write(paper, mapper)));
                out.write('\n');
            }
        }
    }

    /**
     * Reads a checked dump again. A problem now means the file changed since: the paper is left out, and the
     * first few such problems are logged, then how many there were.
     */
    private void readAgain(String fileName, Path path, Consumer<Paper> each) throws IOException {
        long[] problems = {0};
        read(fileName, path, each, p -> {
            if (problems[0]++ < LOGGED_AGAIN) {
                LOG.warn("{} changed since it was checked and is read without this paper: {}", fileName, p);
            }
        });
        if (problems[0] > LOGGED_AGAIN) {
            LOG.warn("{} changed since it was checked: {} papers of it were left out in all", fileName, problems[0]);
        }
    }

    /** Reads a dump held in memory. */
    public ContentLoad parse(String fileName, String text) {
        List<Paper> papers = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        try {
            read(fileName, new StringReader(text), papers::add, problems::add);
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        }
        return new ContentLoad(List.of(), papers, problems);
    }

    /** Parses one line into a tree; a {@link JsonProcessingException} means the line is not JSON. */
    private interface LineParser {
        JsonNode parse() throws IOException;
    }

    /** One pass over a dump: the consumers, and what has been counted so far. */
    private static final class Pass {
        private final String file;
        private final Consumer<Paper> papers;
        private final Consumer<ContentProblem> problems;
        private long lines;
        private long paperCount;
        private long problemCount;

        Pass(String file, Consumer<Paper> papers, Consumer<ContentProblem> problems) {
            this.file = file;
            this.papers = papers;
            this.problems = problems;
        }

        int nextLine() {
            lines++;
            return (int) Math.min(lines, Integer.MAX_VALUE);
        }

        Counts counts() {
            return new Counts(lines, paperCount, problemCount);
        }

        void record(int number, LineParser parser) {
            JsonNode node;
            try {
                node = parser.parse();
            } catch (JsonProcessingException e) {
                String message = e.getOriginalMessage();
                problem(number, message != null && message.contains("Invalid UTF-8")
                        ? "not valid UTF-8: save the file as UTF-8"
                        : "malformed JSON: " + message);
                return;
            } catch (IOException e) {
                throw new UncheckedIOException("parsing a line held in memory failed", e);
            }
            if (!(node instanceof ObjectNode object)) {
                problem(number, "expected one paper object {\"id\": ..., \"title\": ..., ...} a line, got "
                        + shorten(node));
                return;
            }
            Paper paper = PaperJson.read(new JsonFields(number, object, Map.of()), file, null, p -> {
                problemCount++;
                problems.accept(p);
            });
            if (paper != null) {
                paperCount++;
                papers.accept(paper);
            }
        }

        void tooLong(int number) {
            problem(number, "a line longer than " + (MAX_LINE_BYTES >> 20) + " MB, skipped: a dump has one paper"
                    + " a line, each far shorter; is this file JSONL, with its line breaks?");
        }

        private void problem(int number, String message) {
            problemCount++;
            problems.accept(new ContentProblem(file, number, message));
        }
    }

    /** The bytes of the line being assembled, reused from line to line. */
    private static final class ByteLine {
        private byte[] bytes = new byte[8192];
        private int length;
        /** Past {@link #MAX_LINE_BYTES} (and the {@code \r} of a CRLF line end): the rest of the line is not kept. */
        private boolean tooLong;

        void append(byte[] source, int offset, int count) {
            if (tooLong || length + count > MAX_LINE_BYTES + 1) {
                tooLong = true;
                return;
            }
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }

        void clear() {
            length = 0;
            tooLong = false;
        }
    }

    private static InputStream open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            try {
                return new GZIPInputStream(in, 1 << 16);
            } catch (IOException e) {
                in.close();
                throw new IOException("not a gzip file: " + e.getMessage(), e);
            }
        }
        return in;
    }

    private static String shorten(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
