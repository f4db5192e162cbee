package dev.paperboy.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Paper;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** The JSON shape of one paper, shared by the digest JSON format and the JSONL paper dumps. */
final class PaperJson {

    private PaperJson() {
    }

    /**
     * Reads a paper; unknown fields are ignored. Returns null, after reporting every wrong field, when
     * the paper cannot be made.
     */
    static Paper read(JsonFields fields, String file, String where, Consumer<ContentProblem> problems) {
        FieldReader r = new FieldReader(fields, file, where, problems);
        String id = r.arxivId("id");
        int version = r.positive("version");
        String title = r.text("title", true);
        List<String> authors = r.strings("authors", true);
        String abstractText = r.text("abstract", false);
        String comment = r.text("comment", false);
        List<String> categories = r.strings("categories", false);
        LocalDate published = r.date("published", false);
        LocalDate updated = r.date("updated", false);
        List<String> links = r.strings("links", false);
        if (!r.ok()) {
            return null;
        }
        return new Paper(id, version, title, authors, abstractText, comment, categories, published, updated, links);
    }

    /** The paper as written by the export: optional fields only when they carry something. */
    static ObjectNode write(Paper paper, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        if (paper.arxivId() != null) {
            node.put("id", paper.arxivId());
        }
        if (paper.version() > 0) {
            node.put("version", paper.version());
        }
        node.put("title", paper.title());
        strings(node.putArray("authors"), paper.authors());
        node.put("abstract", paper.abstractText());
        node.put("comment", paper.comment());
        if (!paper.categories().isEmpty()) {
            strings(node.putArray("categories"), paper.categories());
        }
        if (paper.published() != null) {
            node.put("published", paper.published().toString());
        }
        if (paper.updated() != null) {
            node.put("updated", paper.updated().toString());
        }
        if (!paper.links().isEmpty()) {
            strings(node.putArray("links"), paper.links());
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
