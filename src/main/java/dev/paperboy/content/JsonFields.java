package dev.paperboy.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One JSON object as read from a content file, with the line each field starts on so that a problem
 * can point at the field rather than at the whole file.
 *
 * @param line   the line the object starts on
 * @param values the fields
 * @param lines  the line of each field; a field missing here is on {@code line} (one-line JSONL records)
 */
record JsonFields(int line, ObjectNode values, Map<String, Integer> lines) {

    JsonFields {
        lines = Map.copyOf(lines);
    }

    /** The value, or null when the field is absent or JSON {@code null}. */
    JsonNode get(String field) {
        JsonNode value = values.get(field);
        return value == null || value.isNull() ? null : value;
    }

    int lineOf(String field) {
        return lines.getOrDefault(field, line);
    }
}
