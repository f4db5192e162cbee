package dev.paperboy.search;

import dev.paperboy.core.ArxivIds;
import dev.paperboy.search.UserQuery.Clause;
import dev.paperboy.search.UserQuery.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the search language: words, "quoted phrases", {@code -word} and {@code -"phrase"} to exclude,
 * {@code OR} between alternatives, {@code field:value} and {@code field:"quoted value"}, {@code sort:date}.
 * It also reads what people bring from other search boxes: typographic quotes (“…”, „…“, «…», ‘…’, as
 * phone keyboards type them), {@code NOT word} and {@code !word} to exclude, {@code AND}, {@code &&} and
 * {@code ||}, and parentheses, which group nothing (every word must match anyway) and so are spaces, except
 * after a field name: {@code ti:(vision OR language)} searches each word inside in that field.
 * Emoji and other symbols are not searched for: they are spaces too. Several arXiv ids in a row are
 * alternatives (a list pasted to find each). It accepts any text: what it cannot read as syntax it reads
 * as words, and it never throws; what cannot be searched ({@code date:2025-13}) is a problem of the query.
 */
final class UserQueryParser {

    /**
     * Clauses beyond this many are ignored. Each clause expands to several Lucene clauses, and
     * Lucene refuses queries of more than 1024; no real search needs more than a few dozen words.
     */
    static final int MAX_CLAUSES = 64;
    /** Words to search for that make a query with NOT in it look like a pasted title. */
    private static final int WORDS_OF_A_TITLE = 5;

    private static final Map<String, Kind> FIELDS = Map.ofEntries(
            Map.entry("au", Kind.AUTHOR), Map.entry("author", Kind.AUTHOR), Map.entry("authors", Kind.AUTHOR),
            Map.entry("ti", Kind.TITLE), Map.entry("title", Kind.TITLE),
            Map.entry("abs", Kind.ABSTRACT), Map.entry("abstract", Kind.ABSTRACT),
            Map.entry("cat", Kind.CATEGORY), Map.entry("category", Kind.CATEGORY),
            Map.entry("topic", Kind.TOPIC),
            Map.entry("id", Kind.ID), Map.entry("arxiv", Kind.ID),
            Map.entry("after", Kind.AFTER), Map.entry("before", Kind.BEFORE), Map.entry("date", Kind.DATE));

    /** The combining mark that makes "1" and a selector the emoji 1️⃣. */
    private static final int KEYCAP = 0x20E3;
    /** Quote marks that open a phrase, and close one opened by any of them. */
    private static final String DOUBLE_QUOTES = "\"“”„‟«»";

    private UserQueryParser() {
    }

    static UserQuery parse(String text) {
        return new Reader(withoutSymbols(text)).read();
    }

    /**
     * The text with each emoji and symbol (☃, ™, skin tones, the joiners and selectors between emoji) as
     * spaces, one per UTF-16 unit, so that every position of a clause is still its position in the text as
     * typed (corrections are written into that).
     */
    static String withoutSymbols(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int units = Character.charCount(cp);
            if (isSymbol(cp)) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                for (int u = 0; u < units; u++) {
                    out.setCharAt(i + u, ' ');
                }
                if (cp == KEYCAP) {
                    // 1️⃣ is "1", a selector and the keycap: the digit is part of the emoji
                    for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
                        if ("0123456789#*".indexOf(text.charAt(j)) >= 0) {
                            out.setCharAt(j, ' ');
                            break;
                        }
                    }
                }
            }
            i += units;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isSymbol(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || (type == Character.MODIFIER_SYMBOL && cp > 0x7F)
                || cp == 0x200D || cp == 0xFE0E || cp == 0xFE0F || cp == KEYCAP;
    }

    /** The state of reading one query. */
    private static final class Reader {

        private final String text;
        private int pos;
        private final List<List<Clause>> groups = new ArrayList<>();
        private final List<Clause> exclusions = new ArrayList<>();
        private boolean sortByDate;
        private boolean lastWasPositive;
        private boolean orPending;
        private boolean notPending;
        /** Inside "-(" … ")" or "NOT (" … ")": every item is excluded. */
        private boolean negatedGroup;
        /** Inside "ti:(" … ")": the field each word and phrase searches, typed as {@code fieldGroupName}. */
        private Kind fieldGroup;
        private String fieldGroupName;
        /** The parentheses open in the field group, its own included. */
        private int fieldGroupDepth;
        private boolean fieldGroupEmpty;
        private final List<String> problems = new ArrayList<>();
        private int clauseCount;
        /** Whether clauses past {@link #MAX_CLAUSES} were left out. */
        private boolean cutShort;
        /** The word before an "or" typed in lower case, until the word after it comes; then null again. */
        private Clause beforeLowerOr;
        private Clause pendingLowerOr;
        /** The first two words joined by a lower-case "or", and every such "or" between words. */
        private Clause[] firstLowerOrPair;
        private final List<Clause> lowerOrs = new ArrayList<>();
        /** Where each NOT typed right after a word to search for starts: in a pasted title it is a word too. */
        private final List<Integer> notsAfterWords = new ArrayList<>();

        Reader(String text) {
            this.text = text;
        }

        UserQuery read() {
            while (skipSpace()) {
                readItem();
            }
            closeFieldGroup();
            if (groups.isEmpty() && !exclusions.isEmpty()) {
                problems.add(cutShort ? "The query is longer than " + MAX_CLAUSES + " words and fields, and the first "
                        + MAX_CLAUSES + " only exclude: put the words to search for first, or exclude fewer."
                        : "Only exclusions: a query needs a word to search for, such as transformer -vision.");
            } else if (cutShort) {
                problems.add("Only the first " + MAX_CLAUSES + " words and fields were searched: shorten the query to"
                        + " search the rest.");
            }
            if (firstLowerOrPair != null) {
                problems.add("Both “" + firstLowerOrPair[0].value() + "” and “" + firstLowerOrPair[1].value()
                        + "” are searched for: to find either, type OR in capitals: " + withCapitalOrs());
            }
            noteTitleNot().ifPresent(problems::add);
            FieldProblems.noDayLeft(groups).ifPresent(problems::add);
            return new UserQuery(groups, exclusions, sortByDate, problems);
        }

        private boolean skipSpace() {
            while (pos < text.length() && isSpace(text.charAt(pos))) {
                if (text.charAt(pos) == '(' && fieldGroup != null) {
                    fieldGroupDepth++;
                } else if (text.charAt(pos) == '(' && notPending) {
                    negatedGroup = true;
                    notPending = false;
                } else if (text.charAt(pos) == ')') {
                    negatedGroup = false;
                    if (fieldGroup != null && --fieldGroupDepth == 0) {
                        closeFieldGroup();
                    }
                }
                pos++;
            }
            return pos < text.length();
        }

        private void readItem() {
            if (text.charAt(pos) == '|' && !text.startsWith("||", pos)) {
                orPending = lastWasPositive; // "gan|diffusion", as "gan | diffusion" and "gan || diffusion"
                pos++;
                return;
            }
            if (text.startsWith("||", pos) || text.startsWith("&&", pos)) {
                // typed without spaces too ("gan||diffusion"): OR, and AND, which every word is anyway
                orPending = text.charAt(pos) == '|' && lastWasPositive;
                pos += 2;
                return;
            }
            if (isLuceneSuffix(pos)) {
                while (pos < text.length() && !isSpace(text.charAt(pos))) {
                    pos++;
                }
                return;
            }
            boolean negated = notPending || negatedGroup;
            notPending = false;
            while (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+'
                    || text.charAt(pos) == '!')) {
                negated |= text.charAt(pos) != '+';
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '(' && negated && !negatedGroup) {
                negatedGroup = true; // "-(survey OR review)" excludes both
                pos++;
                return;
            }
            if (pos >= text.length() || isSpace(text.charAt(pos))) {
                return; // a lone "-" or "+": nothing to search for
            }
            if (opensQuote(pos)) {
                int start = pos + 1;
                int close = closingQuote(text.charAt(pos), start);
                addWords(new Clause(Kind.TEXT, text.substring(start, close), true, start), negated);
                pos = Math.min(text.length(), close + 1);
                return;
            }
            int start = pos;
            pos = endOfWord(start);
            String word = text.substring(start, pos);
            if (word.equals("OR")) {
                // between alternatives; inside "-( … )" every alternative is excluded anyway
                orPending = !negated && lastWasPositive;
                return;
            }
            if (word.equals("AND") || word.equals("&&")) {
                return; // every word must match anyway
            }
            if (word.equals("NOT")) {
                notPending = !negated; // "-NOT x" is not a double negation anyone means: it searches x
                if (notPending && lastWasPositive) {
                    notsAfterWords.add(start);
                }
                return;
            }
            int colon = word.indexOf(':');
            String name = colon > 0 ? word.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            int valueStart = start + colon + 1;
            if ((name.equals("sort") || FIELDS.containsKey(name)) && valueStart == pos && valueAfterSpace(name)) {
                // "arXiv: 2312.00273", "au: Hinton": the value typed after a space
                while (Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
                valueStart = pos;
                if (text.charAt(pos) != '(' && !opensQuote(pos)) {
                    pos = endOfWord(pos);
                }
            }
            if (name.equals("sort")) {
                readSort(valueStart, negated);
            } else if (FIELDS.containsKey(name)) {
                readField(word.substring(0, colon), FIELDS.get(name), valueStart, negated);
            } else {
                addWords(textClause(word, start), negated);
            }
        }

        /** Where the word that starts at {@code start} ends: at a space, a double quote, ‘ after a colon, | or &&. */
        private int endOfWord(int start) {
            int end = start;
            while (end < text.length() && !isSpace(text.charAt(end)) && DOUBLE_QUOTES.indexOf(text.charAt(end)) < 0
                    && !(text.charAt(end) == '‘' && end > 0 && text.charAt(end - 1) == ':')
                    && !(end > start && (text.charAt(end) == '|' || text.startsWith("&&", end)))
                    && !isLuceneSuffix(end)) {
                end++;
            }
            return end;
        }

        /**
         * Whether a Lucene boost or fuzziness starts here, right after a word of two letters or more or after a
         * phrase ({@code graph^10}, {@code graph~2}, {@code "a b"~5}): the ranking and the typo tolerance are
         * Paperboy's own, so it is left out rather than searched as a number. {@code n^2} and {@code 10^6} stay.
         */
        private boolean isLuceneSuffix(int at) {
            char c = text.charAt(at);
            if (c != '^' && c != '~' || at == 0) {
                return false;
            }
            char before = text.charAt(at - 1);
            boolean afterWord = Character.isLetter(before) && at >= 2 && Character.isLetter(text.charAt(at - 2));
            if (!afterWord && DOUBLE_QUOTES.indexOf(before) < 0) {
                return false;
            }
            int end = at + 1;
            while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            return end == text.length() || isSpace(text.charAt(end));
        }

        /**
         * Whether a field name just read with nothing after its colon is followed, after white space, by
         * what can be its value: not the end, an operator, an exclusion, a parenthesis that closes, or a field.
         */
        private boolean valueAfterSpace(String fieldName) {
            int next = pos;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next == pos || next == text.length() || "-+!)".indexOf(text.charAt(next)) >= 0) {
                return false;
            }
            String word = text.substring(next, endOfWord(next));
            int colon = word.indexOf(':');
            boolean field = colon > 0 && (FIELDS.containsKey(word.substring(0, colon).toLowerCase(Locale.ROOT))
                    || word.substring(0, colon).equalsIgnoreCase("sort"));
            if (fieldName.equals("sort")) {
                return isOrder(word); // "sort: gan" is gan searched and a sort: with nothing after it
            }
            return !field && !List.of("OR", "AND", "NOT", "||", "&&").contains(word);
        }

        private static boolean isOrder(String value) {
            return List.of("date", "new", "newest").contains(value.toLowerCase(Locale.ROOT));
        }

        /** Words or a phrase: of the field group's field inside one, else searched everywhere. */
        private void addWords(Clause clause, boolean negated) {
            if (fieldGroup == null) {
                add(clause, negated);
                return;
            }
            fieldGroupEmpty = false;
            addField(fieldGroupName, new Clause(fieldGroup, clause.value(), clause.quoted(), clause.start()), negated);
        }

        private void closeFieldGroup() {
            if (fieldGroup != null && fieldGroupEmpty) {
                problems.add(FieldProblems.of(fieldGroupName, new Clause(fieldGroup, "", false, pos)).orElseThrow());
            }
            fieldGroup = null;
        }

        /** A word, or an arXiv id with what a paste leaves around it ("[2312.00273].", "<https://…>") cut off. */
        private static Clause textClause(String word, int start) {
            return withoutPasteMarks(Kind.TEXT, word, start);
        }

        /** The value as a clause of this kind, without what a paste leaves around it when the rest is an id or a date. */
        private static Clause withoutPasteMarks(Kind kind, String word, int start) {
            int from = 0;
            int to = word.length();
            while (from < to && "<[".indexOf(word.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && ".:?!>]".indexOf(word.charAt(to - 1)) >= 0) {
                to--;
            }
            String id = word.substring(from, to);
            boolean readable = ArxivIds.isArxivId(id) || kind.isDate() && PaperQueryFactory.parseDate(id).isPresent();
            return (from > 0 || to < word.length()) && readable
                    ? new Clause(kind, id, false, start + from)
                    : new Clause(kind, word, false, start);
        }

        private void readField(String typedName, Kind kind, int valueStart, boolean negated) {
            if (valueStart == pos && pos < text.length() && text.charAt(pos) == '(' && fieldGroup == null) {
                fieldGroup = kind;
                fieldGroupName = typedName;
                fieldGroupDepth = 1;
                fieldGroupEmpty = true;
                negatedGroup |= negated; // "-ti:(survey OR review)" excludes both
                pos++;
                return;
            }
            Clause clause;
            if (valueStart == pos && pos < text.length() && opensQuote(pos)) {
                int start = pos + 1;
                int close = closingQuote(text.charAt(pos), start);
                pos = Math.min(text.length(), close + 1);
                clause = new Clause(kind, text.substring(start, close), true, start);
            } else {
                clause = withoutPasteMarks(kind, text.substring(valueStart, pos), valueStart);
            }
            addField(typedName, clause, negated);
            // "cat:cs.CV,cs.LG", as arXiv lists categories: either of them
            while (kind == Kind.CATEGORY && pos + 1 < text.length() && text.charAt(pos) == ','
                    && !isSpace(text.charAt(pos + 1))) {
                int start = ++pos;
                while (pos < text.length() && !isSpace(text.charAt(pos))) {
                    pos++;
                }
                orPending = !negated;
                addField(typedName, new Clause(kind, text.substring(start, pos), false, start), negated);
            }
        }

        private void addField(String typedName, Clause clause, boolean negated) {
            Optional<String> problem = FieldProblems.of(typedName, clause);
            if (problem.isPresent()) {
                // searched for all the same: the query then finds nothing, and the reply says why
                problems.add(problem.get());
            }
            add(clause, negated);
        }

        private void readSort(int valueStart, boolean negated) {
            String value = text.substring(valueStart, pos).toLowerCase(Locale.ROOT);
            if (!negated && isOrder(value)) {
                sortByDate = true;
            } else if (!negated) {
                problems.add((value.isEmpty() ? "sort: needs date after it" : FieldProblems.quoted(value)
                        + " is not an order") + ": sort:date shows the newest first.");
            }
            lastWasPositive = false;
            orPending = false;
        }

        private void add(Clause clause, boolean negated) {
            if (clause.value().isBlank()) {
                return;
            }
            if (clauseCount >= MAX_CLAUSES) {
                cutShort = true;
                return;
            }
            if (negated) {
                exclusions.add(clause);
                beforeLowerOr = null;
                clauseCount++;
                lastWasPositive = false;
                orPending = false;
                return;
            }
            boolean afterIds = lastWasPositive && groups.get(groups.size() - 1).stream().allMatch(Reader::isId);
            if (afterIds && isJoiningWord(clause)) {
                return; // "2312.00273 and 2312.00279": a stop word, which search would drop, must not part the ids
            }
            if (afterIds && isId(clause)) {
                orPending = true; // no paper has two ids: ids pasted together are alternatives
            }
            noteLowerOr(clause);
            if (orPending && !groups.isEmpty()) {
                groups.get(groups.size() - 1).add(clause);
                clauseCount++;
            } else {
                List<Clause> group = new ArrayList<>();
                group.add(clause);
                groups.add(group);
                clauseCount++;
            }
            lastWasPositive = true;
            orPending = false;
        }

        /**
         * "gan or diffusion": or is a stop word, so both words are searched for; say so, and how to ask for
         * either, once a query. The words stay as they are: OR in capitals is the operator, as in the help.
         */
        private void noteLowerOr(Clause clause) {
            boolean lowerOr = clause.kind() == Kind.TEXT && !clause.quoted() && clause.value().equalsIgnoreCase("or");
            if (beforeLowerOr != null && !lowerOr && clause.kind().isText()) {
                if (firstLowerOrPair == null) {
                    firstLowerOrPair = new Clause[] {beforeLowerOr, clause};
                }
                lowerOrs.add(pendingLowerOr);
            }
            List<Clause> lastGroup = groups.isEmpty() ? List.of() : groups.get(groups.size() - 1);
            Clause last = lastGroup.isEmpty() ? null : lastGroup.get(lastGroup.size() - 1);
            beforeLowerOr = lowerOr && lastWasPositive && last != null && last.kind().isText() ? last : null;
            pendingLowerOr = beforeLowerOr == null ? null : clause;
        }

        /**
         * A title pasted with NOT in it ("Language Models Do NOT Really Know") excludes the word after it: say so, with
         * the query to type to find the title, when NOT stands after a word among at least
         * {@value #WORDS_OF_A_TITLE} words searched for. Not for a short query, where NOT is meant.
         */
        private Optional<String> noteTitleNot() {
            long words = groups.stream().filter(g -> g.size() == 1 && g.get(0).kind() == Kind.TEXT).count();
            if (notsAfterWords.isEmpty() || words < WORDS_OF_A_TITLE) {
                return Optional.empty();
            }
            int next = notsAfterWords.get(0) + "NOT".length();
            while (next < text.length() && isSpace(text.charAt(next))) {
                next++;
            }
            // the word as a reader sees it: "'Fair':" is “Fair”
            String excluded = text.substring(next, endOfWord(next))
                    .replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            StringBuilder typed = new StringBuilder(text);
            notsAfterWords.forEach(at -> typed.replace(at, at + "NOT".length(), "not"));
            return Optional.of((excluded.isEmpty() ? "A word" : "“" + excluded + "”") + " is left out: NOT in capitals"
                    + " excludes the word after it. To search for the word not, type it in lower case: "
                    + typed.toString().strip());
        }

        /** The query as typed with each lower-case "or" between words in capitals: what to type to find either. */
        private String withCapitalOrs() {
            StringBuilder typed = new StringBuilder(text);
            for (int i = lowerOrs.size() - 1; i >= 0; i--) {
                typed.replace(lowerOrs.get(i).start(), lowerOrs.get(i).end(), "OR");
            }
            return typed.toString().strip();
        }

        private static boolean isJoiningWord(Clause clause) {
            return clause.kind() == Kind.TEXT && !clause.quoted() && (clause.value().equalsIgnoreCase("and")
                    || clause.value().equalsIgnoreCase("or") || clause.value().equals("&"));
        }

        private static boolean isId(Clause clause) {
            return (clause.kind() == Kind.ID || clause.kind() == Kind.TEXT && !clause.quoted())
                    && ArxivIds.isArxivId(clause.value());
        }

        /** A double quote of any style, or ‘ where a word starts (elsewhere it is an apostrophe). */
        private boolean opensQuote(int at) {
            char c = text.charAt(at);
            return DOUBLE_QUOTES.indexOf(c) >= 0 || c == '‘';
        }

        /**
         * Where the phrase opened by {@code open} ends: at the next double quote of any style; for ‘, at the
         * next ’ or ‘ that no letter or digit follows ("‘O’Brien’s model’" holds apostrophes). The end of
         * the text when there is none.
         */
        private int closingQuote(char open, int from) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean closes = open == '‘'
                        ? (c == '’' || c == '‘') && (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)))
                        : DOUBLE_QUOTES.indexOf(c) >= 0;
                if (closes) {
                    return i;
                }
            }
            return text.length();
        }

        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '(' || c == ')' || c == ','
                    || c == ';';
        }
    }
}
