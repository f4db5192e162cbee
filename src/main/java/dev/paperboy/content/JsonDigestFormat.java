package dev.paperboy.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes digests as JSON: one digest object per file, or an array of them (what
 * {@link #write(List)} produces for the {@code export} command, so an export can be read back as
 * content). Problems name the line of the offending field; bad content never throws.
 */
public final class JsonDigestFormat {

    private static final String SHAPE = "{\"topic\": ..., \"date\": \"YYYY-MM-DD\", \"papers\": [...]}";

    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    public JsonDigestFormat() {
        this.mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        this.writer = mapper.writer(printer);
    }

    /** Parses one file; the digests name {@code fileName} and the line their object starts on. */
    public ContentLoad parse(String fileName, String text) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Digest> digests = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        try (JsonParser p = mapper.createParser(json)) {
            JsonToken token = p.nextToken();
            if (token == null) {
                problems.add(new ContentProblem(fileName, 0, "the file is empty: expected a digest " + SHAPE
                        + " or an array of digests"));
            } else if (token == JsonToken.START_OBJECT) {
                readDigest(p, fileName, null, digests, problems);
            } else if (token == JsonToken.START_ARRAY) {
                int index = 1;
                for (token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken(), index++) {
                    if (token == JsonToken.START_OBJECT) {
                        readDigest(p, fileName, "digest " + index, digests, problems);
                    } else {
                        problems.add(new ContentProblem(fileName, line(p), "digest " + index
                                + " must be an object " + SHAPE + ", got " + mapper.readTree(p)));
                    }
                }
            } else {
                problems.add(new ContentProblem(fileName, line(p), "expected a digest " + SHAPE
                        + " or an array of digests, got " + mapper.readTree(p)));
            }
            if (p.nextToken() != null) {
                problems.add(new ContentProblem(fileName, line(p),
                        "malformed JSON: more than one value; put several digests in one array [...]"));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            problems.add(new ContentProblem(fileName, line, "malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            // A String source has no I/O; anything else here is a Jackson bug worth surfacing.
            throw new UncheckedIOException(e);
        }
        return new ContentLoad(digests, List.of(), problems);
    }

    /**
     * Writes the digests as a pretty-printed JSON array that {@link #parse} reads back to equal digests
     * (apart from their source file and line).
     */
    public String write(List<Digest> digests) {
        ArrayNode array = mapper.createArrayNode();
        for (Digest digest : digests) {
            ObjectNode node = array.addObject();
            node.put("topic", digest.topic());
            node.put("date", digest.date().toString());
            ArrayNode papers = node.putArray("papers");
            digest.papers().forEach(paper -> papers.add(PaperJson.write(paper, mapper)));
            if (!digest.source().attribution().isEmpty()) {
                node.put("attribution", digest.source().attribution());
            }
        }
        try {
            return writer.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write digests as JSON", e);
        }
    }

    /** Reads the digest object the parser is at, its papers one by one so each keeps its own line. */
    private void readDigest(JsonParser p, String file, String where, List<Digest> digests,
                            List<ContentProblem> problems) throws IOException {
        int startLine = line(p);
        ObjectNode values = mapper.createObjectNode();
        Map<String, Integer> lines = new HashMap<>();
        List<JsonFields> paperFields = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            lines.put(name, line(p));
            JsonToken value = p.nextToken();
            if (name.equals("papers") && value == JsonToken.START_ARRAY) {
                paperFields = new ArrayList<>();
                values.putArray(name);
                int index = 1;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
                    if (t == JsonToken.START_OBJECT) {
                        paperFields.add(readFields(p));
                    } else {
                        problems.add(new ContentProblem(file, line(p), "paper " + index + of(where)
                                + " must be an object, got " + mapper.readTree(p)));
                        paperFields.add(null);
                    }
                }
            } else {
                values.set(name, mapper.readTree(p));
            }
        }
        JsonFields fields = new JsonFields(startLine, values, lines);
        FieldReader r = new FieldReader(fields, file, where, problems::add);
        String topic = r.text("topic", true);
        LocalDate date = r.date("date", true);
        String attribution = r.text("attribution", false);
        List<Paper> papers = new ArrayList<>();
        boolean papersOk = true;
        if (paperFields == null) {
            if (fields.get("papers") == null) {
                r.problem("papers", "\"papers\" is missing" + in(where) + ": expected a list of paper objects");
            } else {
                r.problem("papers", "\"papers\" must be a list of paper objects" + in(where));
            }
        } else if (paperFields.isEmpty()) {
            r.problem("papers", "digest " + quoted(topic) + " has no papers: \"papers\" must list at least one");
        } else {
            for (int i = 0; i < paperFields.size(); i++) {
                JsonFields pf = paperFields.get(i);
                Paper paper = pf == null ? null
                        : PaperJson.read(pf, file, "paper " + (i + 1) + of(where), problems::add);
                if (paper == null) {
                    papersOk = false;
                } else {
                    papers.add(paper);
                }
            }
        }
        if (r.ok() && papersOk) {
            digests.add(new Digest(topic, date, papers, new DigestSource(file, startLine, attribution)));
        }
    }

    /** Reads the object the parser is at into fields, each value whole. */
    private JsonFields readFields(JsonParser p) throws IOException {
        int startLine = line(p);
        ObjectNode values = mapper.createObjectNode();
        Map<String, Integer> lines = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            lines.put(name, line(p));
            p.nextToken();
            values.set(name, mapper.readTree(p));
        }
        return new JsonFields(startLine, values, lines);
    }

    private static int line(JsonParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }

    private static String of(String where) {
        return where == null ? "" : " of " + where;
    }

    private static String in(String where) {
        return where == null ? "" : " in " + where;
    }

    private static String quoted(String text) {
        return text == null ? "(without topic)" : "\"" + text + "\"";
    }
}
