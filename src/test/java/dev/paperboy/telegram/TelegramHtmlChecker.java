package dev.paperboy.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict checker for Telegram's HTML parse mode, for tests and for the fake Telegram server: it
 * accepts only the tags and attributes the Bot API lists, only the entities {@code &lt; &gt; &amp;
 * &quot;} and numeric ones, requires every tag to be closed in order, rejects a bare {@code <},
 * {@code >} or {@code &}, and checks the 1-4096 characters of text left after parsing. Where Telegram
 * would be lenient (a bare {@code >}, unquoted attributes) this checker is not.
 */
public final class TelegramHtmlChecker {

    /** The most characters of text, after tags are removed and entities decoded, that a message may have. */
    public static final int MAX_TEXT_LENGTH = 4096;

    private static final Set<String> PLAIN_TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "tg-spoiler", "pre");
    private static final Map<String, String> NAMED_ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z][a-z-]*)((?:\\s+[a-z-]+(?:=\"[^\"<>]*\")?)*)\\s*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([a-z-]+)(?:=\"([^\"<>]*)\")?");
    private static final Pattern ENTITY = Pattern.compile("&(?:([a-z]+)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));");

    private TelegramHtmlChecker() {
    }

    /** Everything wrong with the message, in the order found; empty when Telegram would accept it. */
    public static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher tag = TAG.matcher(html).region(i, html.length());
                if (!tag.lookingAt()) {
                    problems.add("bare '<' or malformed tag at " + i);
                    i++;
                    continue;
                }
                String name = tag.group(2);
                if (tag.group(1).isEmpty()) {
                    checkOpening(name, tag.group(3), open, problems, i);
                    open.push(name);
                } else if (!tag.group(3).isBlank()) {
                    problems.add("closing tag </" + name + "> with attributes at " + i);
                } else if (open.isEmpty() || !open.peek().equals(name)) {
                    problems.add("</" + name + "> at " + i + " does not close "
                            + (open.isEmpty() ? "any open tag" : "<" + open.peek() + ">"));
                } else {
                    open.pop();
                }
                i = tag.end();
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                if (!entity.lookingAt()) {
                    problems.add("bare '&' at " + i);
                    text.append(c);
                    i++;
                    continue;
                }
                if (entity.group(1) != null) {
                    String decoded = NAMED_ENTITIES.get(entity.group(1));
                    if (decoded == null) {
                        problems.add("unsupported entity &" + entity.group(1) + "; at " + i);
                    } else {
                        text.append(decoded);
                    }
                } else {
                    int codePoint = entity.group(2) != null ? Integer.parseInt(entity.group(2))
                            : Integer.parseInt(entity.group(3), 16);
                    if (!Character.isValidCodePoint(codePoint) || codePoint == 0) {
                        problems.add("invalid numeric entity at " + i);
                    } else {
                        text.appendCodePoint(codePoint);
                    }
                }
                i = entity.end();
            } else if (c == '>') {
                problems.add("bare '>' at " + i);
                text.append(c);
                i++;
            } else {
                text.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            problems.add("unclosed tags at the end: " + open);
        }
        if (text.toString().isBlank()) {
            problems.add("the message text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            problems.add("the message text is " + text.length() + " characters, more than " + MAX_TEXT_LENGTH);
        }
        return problems;
    }

    /** The text Telegram would show, tags removed and entities decoded; fails on any problem. */
    public static String parse(String html) {
        List<String> problems = problems(html);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad Request: can't parse entities: " + String.join("; ", problems));
        }
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    private static void checkOpening(String name, String attributeText, Deque<String> open, List<String> problems,
                                     int at) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(attributeText);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        if (open.contains("pre") && !(name.equals("code") && "pre".equals(open.peek()))) {
            problems.add("<" + name + "> inside <pre> at " + at);
        }
        if (open.contains("code")) {
            problems.add("<" + name + "> inside <code> at " + at);
        }
        switch (name) {
            case "a" -> {
                String href = attributes.get("href");
                if (attributes.size() != 1 || href == null) {
                    problems.add("<a> needs exactly an href attribute at " + at);
                } else if (!href.matches("(https?|tg)://\\S+")) {
                    problems.add("<a href> is not an http(s) or tg URL at " + at + ": " + href);
                }
                if (open.contains("a")) {
                    problems.add("<a> inside <a> at " + at);
                }
            }
            case "span" -> {
                if (!"tg-spoiler".equals(attributes.get("class")) || attributes.size() != 1) {
                    problems.add("<span> is only allowed as <span class=\"tg-spoiler\"> at " + at);
                }
            }
            case "code" -> {
                String language = attributes.get("class");
                if (attributes.size() > 1 || (!attributes.isEmpty() && (language == null
                        || !language.matches("language-[A-Za-z0-9_+#-]+") || !"pre".equals(open.peek())))) {
                    problems.add("<code> takes only class=\"language-...\" and only inside <pre> at " + at);
                }
            }
            case "tg-emoji" -> {
                if (attributes.size() != 1 || attributes.get("emoji-id") == null) {
                    problems.add("<tg-emoji> needs an emoji-id at " + at);
                }
            }
            case "blockquote" -> {
                if (!attributes.isEmpty() && !(attributes.size() == 1 && attributes.containsKey("expandable")
                        && attributes.get("expandable") == null)) {
                    problems.add("<blockquote> takes only the expandable attribute at " + at);
                }
                if (open.contains("blockquote")) {
                    problems.add("<blockquote> inside <blockquote> at " + at);
                }
            }
            default -> {
                if (!PLAIN_TAGS.contains(name)) {
                    problems.add("tag <" + name + "> is not supported at " + at);
                } else if (!attributes.isEmpty()) {
                    problems.add("<" + name + "> takes no attributes at " + at);
                }
            }
        }
    }
}
