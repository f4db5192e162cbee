package dev.paperboy.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.ArxivIds;
import dev.paperboy.core.ContentProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads typed values out of one {@link JsonFields}, reporting each wrong field as a problem on the
 * field's line and remembering whether any was wrong. Shared by the JSON and JSONL formats so both
 * word their problems the same way.
 */
final class FieldReader {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonFields fields;
    private final String file;
    private final String in;
    private final Consumer<ContentProblem> problems;
    private boolean ok = true;

    /**
     * @param where what the object is for the messages ("paper 3"), or null when the line says it all
     */
    FieldReader(JsonFields fields, String file, String where, Consumer<ContentProblem> problems) {
        this.fields = fields;
        this.file = file;
        this.in = where == null ? "" : " in " + where;
        this.problems = problems;
    }

    boolean ok() {
        return ok;
    }

    /** A string; null when absent and not required. */
    String text(String field, boolean required) {
        JsonNode value = fields.get(field);
        if (value == null) {
            if (required) {
                missing(field);
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "\"" + field + "\" must be a string" + in + ", got " + shown(value));
            return null;
        }
        if (required && value.asText().isBlank()) {
            problem(field, "\"" + field + "\" must not be empty" + in);
            return null;
        }
        if (hasLoneSurrogate(value.asText())) {
            brokenCharacter(field);
            return null;
        }
        return value.asText();
    }

    /** A list of strings; an empty list when absent and not required. */
    List<String> strings(String field, boolean required) {
        JsonNode value = fields.get(field);
        if (value == null) {
            if (required) {
                missing(field);
            }
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    result = null;
                    break;
                }
                result.add(item.asText());
            }
        } else {
            result = null;
        }
        if (result == null) {
            problem(field, "\"" + field + "\" must be a list of strings" + in + ", got " + shown(value));
            return List.of();
        }
        if (result.stream().anyMatch(FieldReader::hasLoneSurrogate)) {
            brokenCharacter(field);
            return List.of();
        }
        return result;
    }

    private void brokenCharacter(String field) {
        problem(field, "\"" + field + "\" holds half of a character (an escape such as \\ud800 without its pair)" + in
                + ": no UTF-8 file or chat can carry it; remove it or write the whole character");
    }

    /** Half of a UTF-16 surrogate pair: JSON can write one ("\\ud800"), a UTF-8 file cannot. */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A YYYY-MM-DD date; null when absent and not required. */
    LocalDate date(String field, boolean required) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problem(field, "\"" + field + "\" must be YYYY-MM-DD" + in + ", got " + shown(fields.get(field)));
        return null;
    }

    /** An arXiv id in any form {@link ArxivIds} accepts, returned as written; null when absent. */
    String arxivId(String field) {
        String text = text(field, false);
        if (text != null && !ArxivIds.isArxivId(text)) {
            problem(field, "\"" + field + "\" must be an arXiv id such as \"2211.07638\"" + in + ", got "
                    + shown(fields.get(field)));
            return null;
        }
        return text;
    }

    /** A positive whole number; 0 when absent. */
    int positive(String field) {
        JsonNode value = fields.get(field);
        if (value == null) {
            return 0;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            problem(field, "\"" + field + "\" must be a whole number of 1 or more" + in + ", got " + shown(value));
            return 0;
        }
        return value.asInt();
    }

    private void missing(String field) {
        problem(field, "\"" + field + "\" is missing" + in);
    }

    void problem(String field, String message) {
        ok = false;
        problems.accept(new ContentProblem(file, fields.lineOf(field), message));
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
