package dev.paperboy.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads {@code paperboy.yml} into a {@link PaperboyConfig}, turning every mistake into one clear line. */
public final class ConfigLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    /**
     * Loads the file. A missing file is an error when it was named explicitly, and means the defaults
     * otherwise.
     */
    public PaperboyConfig load(Path file, boolean explicit) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            if (explicit) {
                throw new ConfigException(file + ": no such configuration file");
            }
            return PaperboyConfig.defaults();
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        return parse(file.toString(), text);
    }

    /** Parses YAML text; {@code name} is what error messages call the file. */
    public PaperboyConfig parse(String name, String text) {
        try {
            JsonNode tree = yaml.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return PaperboyConfig.defaults();
            }
            return yaml.readValue(text, PaperboyConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigException(name + ":" + lineOfKey(text, e.getPropertyName(), line(e)) + ": unknown key \""
                    + path(e) + "\"; known keys here: " + known);
        } catch (JsonMappingException e) {
            throw new ConfigException(name + ":" + line(e) + ": bad value for \"" + path(e) + "\": " + reason(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ":" + line(e) + ": not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static String reason(JsonMappingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        if (cause instanceof java.time.DateTimeException) {
            return cause.getMessage() + " (timezones are IANA names such as Europe/Berlin; times are HH:mm)";
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Records make Jackson report unknown keys at the end of their mapping, so look the key up. */
    private static int lineOfKey(String text, String key, int fallback) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(key + ":") || line.startsWith("\"" + key + "\":")) {
                return i + 1;
            }
        }
        return fallback;
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}
