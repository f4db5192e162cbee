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
import dev.paperboy.core.Paper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

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
     * Text that a strict decoder finds not to be UTF-8 ends the pass with a problem on that line.
     *
     * @throws IOException when the reader fails; the papers and problems passed on before stay valid
     */
    public Counts read(String fileName, Reader source, Consumer<Paper> papers, Consumer<ContentProblem> problems)
            throws IOException {
        BufferedReader lines = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
        long lineNumber = 0;
        long paperCount = 0;
        long[] problemCount = {0};
        Consumer<ContentProblem> counting = p -> {
            problemCount[0]++;
            problems.accept(p);
        };
        String line;
        while (true) {
            try {
                line = lines.readLine();
            } catch (CharacterCodingException e) {
                counting.accept(new ContentProblem(fileName, (int) Math.min(lineNumber + 1, Integer.MAX_VALUE),
                        "not valid UTF-8: save the file as UTF-8"));
                break;
            }
            if (line == null) {
                break;
            }
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            Paper paper = paper(fileName, (int) Math.min(lineNumber, Integer.MAX_VALUE), line, counting);
            if (paper != null) {
                paperCount++;
                papers.accept(paper);
            }
        }
        return new Counts(lineNumber, paperCount, problemCount[0]);
    }

    /**
     * Streams a dump file, gunzipping it when its name ends in {@code .gz}. The bytes must be UTF-8.
     *
     * @throws IOException when the file cannot be read or is not gzip though named so
     */
    public Counts read(String fileName, Path path, Consumer<Paper> papers, Consumer<ContentProblem> problems)
            throws IOException {
        try (InputStream in = open(path);
             Reader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)
                     .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return read(fileName, text, papers, problems);
        }
    }

    /** Reads a whole dump file into loose papers; a file that cannot be read is one more problem. */
    public ContentLoad load(String fileName, Path path) {
        List<Paper> papers = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        try {
            read(fileName, path, papers::add, problems::add);
        } catch (IOException e) {
            problems.add(new ContentProblem(fileName, 0, "cannot read the file: " + e.getMessage()));
        }
        return new ContentLoad(List.of(), papers, problems);
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

    private Paper paper(String fileName, int lineNumber, String line, Consumer<ContentProblem> problems) {
        JsonNode node;
        try {
            node = reader.readTree(line);
        } catch (JsonProcessingException e) {
            problems.accept(new ContentProblem(fileName, lineNumber, "malformed JSON: " + e.getOriginalMessage()));
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            problems.accept(new ContentProblem(fileName, lineNumber,
                    "expected one paper object {\"id\": ..., \"title\": ..., ...} a line, got " + shorten(node)));
            return null;
        }
        return PaperJson.read(new JsonFields(lineNumber, object, Map.of()), fileName, null, problems);
    }

    private static InputStream open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        if (path.getFileName().toString().endsWith(".gz")) {
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
