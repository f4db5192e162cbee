package dev.paperboy.search;

import dev.paperboy.search.UserQuery.Clause;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * Suggests a corrected query: each word that no paper contains is replaced by the closest word that
 * papers do contain (fewest edits, then the most papers), found with Lucene's fuzzy terms enumeration
 * over the index's own terms; failing that, each rare word that a near word is {@value #MORE_POPULAR} times
 * as common as (papers have typos too: "vison" is in a few). The rest of the typed query is kept as it was.
 *
 * <p>The text fields hold stems, so a candidate is a stem; the ending the user typed after their
 * stem is put back ("trasnformers" becomes "transformers", not "transformer"). This spares the index
 * a second, unstemmed copy of every word, which doubled the build time.
 */
final class SpellingCorrector {

    /** Correcting more words than this is guessing, not correcting. */
    static final int MAX_CORRECTIONS = 8;
    /** Longer "words" are pasted noise; the fuzzy automaton for them is costly and finds nothing. */
    static final int MAX_WORD_LENGTH = 40;
    /** Candidates looked at per word and field; the vocabulary near a word can be large. */
    private static final int MAX_CANDIDATES = 2000;
    /**
     * A rare word may itself be a typo in the papers that have it ("vison", "modles"): it is replaced when a
     * word this many times as common is near. Rare is in at most one paper in {@value #RARE_SHARE}, and in a
     * small library in at most {@value #MIN_RARE}; commoner words are not looked at (a fuzzy search costs
     * milliseconds a word), and are not typos.
     */
    static final int MORE_POPULAR = 20;
    /**
     * A rare word beside results is only suggested another ({@link #suggestion}) that it is a slip of ({@link
     * #isSlipOf}) and this many times as common: "langauge" (6 papers at 88k) for "language" (28,051), not "medplan"
     * for "median", two edits away, nor "magnon" for "magno", 34 papers.
     */
    static final int SUGGESTION_MORE_POPULAR = 200;
    static final int RARE_SHARE = 10_000;
    static final int MIN_RARE = 10;
    /** Nearest words tried per misspelt word. */
    static final int ALTERNATIVES = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
    /**
     * In a name, a hyphenated first word with a name after it is one given name, as {@link PaperAnalyzers#names}
     * reads it, and so is a hyphenated word after the comma of a catalogue's "Wang, An-Lan".
     */
    private static final Pattern NAME_WORD = Pattern.compile(
            "(?<=^\\s{0,16})" + hyphenated() + "(?=\\s+\\S)|(?<=^[^,]{1,200},\\s{0,16})" + hyphenated() + "(?=\\s*$)"
                    + "|[\\p{L}\\p{M}]+");

    private static String hyphenated() {
        return "[\\p{L}\\p{M}]+(?:" + PaperAnalyzers.HYPHEN + "[\\p{L}\\p{M}]+)+";
    }

    /**
     * Automata kept for the words corrected last ({@link #automaton}): enough for the words of a query or two,
     * at about 150 KB each for two edits.
     */
    static final int KEPT_AUTOMATA = 16;

    private final Analyzer english;
    private final Analyzer names;
    private final Map<String, CompiledAutomaton> automata = Collections.synchronizedMap(
            new LinkedHashMap<>(KEPT_AUTOMATA, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompiledAutomaton> eldest) {
                    return size() > KEPT_AUTOMATA;
                }
            });

    SpellingCorrector(Analyzer english, Analyzer names) {
        this.english = english;
        this.names = names;
    }

    /** The typed query with its unknown and rare words corrected, or empty when there is nothing to correct. */
    Optional<String> correct(IndexReader reader, String typed, UserQuery query) throws IOException {
        List<String> all = corrections(reader, typed, query, true, 1);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * For a query that found a few papers: the query with each rare word (not in names, nor a surname) replaced by a
     * word it is a slip of ({@link #isSlipOf}) and {@value #SUGGESTION_MORE_POPULAR} times as common, or empty. It is
     * offered beside the results ("Did you mean …"), not instead of them: "langauge model" finds the few papers that
     * have the typo.
     */
    Optional<String> suggestion(IndexReader reader, String typed, UserQuery query) throws IOException {
        int rare = Math.max(MIN_RARE, reader.numDocs() / RARE_SHARE);
        return corrections(reader, typed, query, rare, true, 1).stream().findFirst();
    }

    /**
     * Corrected versions of the typed query, likeliest first, at most {@code limit}: its unknown words
     * replaced (and with {@code rareToo} also rare words, where a near word is {@value #MORE_POPULAR} times
     * as common), each by one of its {@value #ALTERNATIVES} nearest common words. Several versions because
     * the nearest word is not always the meant one ("trpical" is as near to "typical" as to "tropical"): the
     * caller keeps the first that finds papers, so the other words of the query decide. A rare word is often
     * the very word that finds a known paper, so a search tries the unknown words alone first.
     */
    List<String> corrections(IndexReader reader, String typed, UserQuery query, boolean rareToo, int limit)
            throws IOException {
        int rare = rareToo ? Math.max(MIN_RARE, reader.numDocs() / RARE_SHARE) : 0;
        return corrections(reader, typed, query, rare, false, limit);
    }

    /**
     * The typed query with words in at most {@code rare} papers replaced: by nearer words {@value #MORE_POPULAR}
     * times as common, or for a {@code suggestion} by words they are a slip of, {@value #SUGGESTION_MORE_POPULAR}
     * times as common, names left as typed.
     */
    private List<String> corrections(IndexReader reader, String typed, UserQuery query, int rare, boolean suggestion,
                                     int limit) throws IOException {
        List<int[]> spans = new ArrayList<>();
        List<List<String>> choices = new ArrayList<>();
        // a word repeated (a long hyphenated chain, a pasted text) is looked up once: each costs a dozen lookups
        Map<String, List<String>> looked = new HashMap<>();
        for (Clause clause : query.positiveClauses()) {
            if (!clause.kind().isText() || suggestion && clause.kind() == UserQuery.Kind.AUTHOR) {
                continue;
            }
            List<String> fields = fieldsOf(clause);
            Matcher words = (clause.kind() == UserQuery.Kind.AUTHOR ? NAME_WORD : WORD).matcher(clause.value());
            while (words.find() && choices.size() < MAX_CORRECTIONS) {
                String word = words.group();
                String key = clause.kind() + ":" + word;
                List<String> better = looked.get(key);
                if (better == null) {
                    better = correctWord(reader, word, fields, rare, suggestion);
                    looked.put(key, better);
                }
                if (!better.isEmpty()) {
                    spans.add(new int[] {clause.start() + words.start(), clause.start() + words.end()});
                    choices.add(better.stream().map(b -> matchCase(word, b)).toList());
                }
            }
        }
        if (choices.isEmpty()) {
            return List.of();
        }
        List<String> corrected = new ArrayList<>();
        for (int[] pick : picks(choices, limit)) {
            StringBuilder text = new StringBuilder(typed);
            for (int i = spans.size() - 1; i >= 0; i--) {
                text.replace(spans.get(i)[0], spans.get(i)[1], choices.get(i).get(pick[i]));
            }
            corrected.add(text.toString());
        }
        return corrected;
    }

    /** Choices of one alternative per word, those with the smallest sum of ranks first. */
    private static List<int[]> picks(List<List<String>> choices, int limit) {
        List<int[]> picks = new ArrayList<>();
        int maxSum = choices.stream().mapToInt(c -> c.size() - 1).sum();
        for (int sum = 0; sum <= maxSum && picks.size() < limit; sum++) {
            collectPicks(choices, new int[choices.size()], 0, sum, picks, limit);
        }
        return picks;
    }

    private static void collectPicks(List<List<String>> choices, int[] pick, int at, int left, List<int[]> into,
                                     int limit) {
        if (into.size() >= limit) {
            return;
        }
        if (at == choices.size()) {
            if (left == 0) {
                into.add(pick.clone());
            }
            return;
        }
        for (int i = 0; i <= Math.min(left, choices.get(at).size() - 1); i++) {
            pick[at] = i;
            collectPicks(choices, pick, at + 1, left - i, into, limit);
        }
    }

    private record Replacement(int start, int end, String text) {
    }

    /** A candidate word with its smallest distance to the typed word and how many papers hold it. */
    private record Candidate(String text, int distance, int papers) {
    }

    private static List<String> fieldsOf(Clause clause) {
        return switch (clause.kind()) {
            case TITLE -> List.of(PaperFields.TITLE);
            case ABSTRACT -> List.of(PaperFields.ABSTRACT);
            case AUTHOR -> List.of(PaperFields.AUTHORS);
            case TOPIC -> List.of(PaperFields.TOPICS);
            default -> List.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS, PaperFields.TOPICS,
                    PaperFields.COMMENT);
        };
    }

    private List<String> correctWord(IndexReader reader, String word, List<String> fields, int rare,
                                     boolean suggestion) throws IOException {
        if (word.length() > MAX_WORD_LENGTH) {
            return List.of();
        }
        Map<String, String> termOf = new HashMap<>();
        int papersWithWord = 0;
        if (suggestion) {
            // a suggestion is asked of every query that finds a few papers: the combined field alone says how rare
            // the word is, one lookup where a field each costs five
            Optional<String> term = singleTerm(PaperFields.ABSTRACT, word);
            if (term.isPresent()) {
                termOf.put(PaperFields.ABSTRACT, term.get());
                papersWithWord = reader.docFreq(new Term(PaperFields.TEXT, term.get()));
            }
        }
        for (String field : suggestion ? List.<String>of() : fields) {
            Optional<String> term = singleTerm(field, word);
            if (term.isPresent()) {
                termOf.put(field, term.get());
                papersWithWord = Math.max(papersWithWord, reader.docFreq(new Term(field, term.get())));
            }
        }
        if (fields.size() > 1 && !suggestion) {
            // a word in some titles, some abstracts and some author names is in more papers than any one field says
            for (String term : termOf.values()) {
                papersWithWord = Math.max(papersWithWord, reader.docFreq(new Term(PaperFields.TEXT, term)));
            }
        }
        String folded = word.toLowerCase(Locale.ROOT);
        boolean inTitles = fields.contains(PaperFields.TITLE);
        if (inTitles) {
            papersWithWord = Math.max(papersWithWord, reader.docFreq(new Term(PaperFields.SPELL, folded)));
        }
        if (papersWithWord > rare) {
            return List.of(); // a known word: whatever found nothing, it was not this
        }
        Map<String, Candidate> candidates = new HashMap<>();
        if (suggestion) {
            // a suggestion beside results, asked of every query that finds a few: title words one edit away only,
            // a fraction of the full search below (1,197 known-item queries at 88k: the suggestion adds 90-170 us
            // a query on average, and 330-390 us when it looked at every field with two edits)
            Optional<String> name = singleTerm(PaperFields.AUTHORS, word);
            if (inTitles && (name.isEmpty() || reader.docFreq(new Term(PaperFields.AUTHORS, name.get())) == 0)) {
                // a surname typed as a word ("mather", "pryor") is no typo of matter or prior
                collect(reader, PaperFields.SPELL, folded, 1, candidates);
                candidates.values().removeIf(c -> !isSlipOf(folded, c.text()));
            }
        } else if (inTitles) {
            // title words as written, and the stems of abstracts (whose vocabulary holds the titles' stems):
            // each fuzzy enumeration costs milliseconds, so not every field is walked twice
            collect(reader, PaperFields.SPELL, folded, candidates);
            String stem = termOf.get(PaperFields.ABSTRACT);
            if (stem != null) {
                collect(reader, PaperFields.ABSTRACT, stem, candidates);
            }
            String name = termOf.get(PaperFields.AUTHORS);
            if (name != null && fields.contains(PaperFields.AUTHORS)) {
                collect(reader, PaperFields.AUTHORS, name, candidates);
            }
        } else {
            for (Map.Entry<String, String> entry : termOf.entrySet()) {
                collect(reader, entry.getKey(), entry.getValue(), candidates);
                if (!entry.getValue().equals(folded) && !entry.getKey().equals(PaperFields.AUTHORS)) {
                    // the stemmer mangles misspelt words ("trpical" to "trpic"): the word as typed is nearer
                    collect(reader, entry.getKey(), folded, candidates);
                }
            }
        }
        long wantedPapers = (long) papersWithWord * (suggestion ? SUGGESTION_MORE_POPULAR : MORE_POPULAR);
        List<Candidate> best = candidates.values().stream().filter(c -> c.papers() >= Math.max(1, wantedPapers))
                .sorted(Comparator.comparingInt(Candidate::distance)
                        .thenComparing(Comparator.comparingInt(Candidate::papers).reversed())
                        .thenComparing(Candidate::text))
                .limit(ALTERNATIVES).toList();
        // a hyphenated given name is one word in the index, its parts joined: shown with its hyphen again
        boolean joined = word.chars().anyMatch(c -> PaperAnalyzers.HYPHENS.indexOf(c) >= 0);
        // put back the ending the analyzer took off the typed word
        String typed = word.toLowerCase(Locale.ROOT);
        String stem = termOf.isEmpty() ? typed : termOf.getOrDefault(PaperFields.ABSTRACT, termOf.values().iterator().next());
        String ending = typed.startsWith(stem) ? typed.substring(stem.length()) : "";
        return best.stream().map(Candidate::text).map(c -> c.endsWith(ending) ? c : c + ending)
                .map(c -> joined ? c.replace(PaperAnalyzers.NAME_JOINER, '-') : c).toList();
    }

    private Optional<String> singleTerm(String field, String word) {
        boolean name = field.equals(PaperFields.AUTHORS);
        List<PaperQueryFactory.Token> tokens = name
                ? PaperQueryFactory.analyze(names, field, PaperAnalyzers.asGivenName(word))
                : PaperQueryFactory.analyze(english, field, word);
        return tokens.size() == 1 ? Optional.of(tokens.get(0).text()) : Optional.empty();
    }

    /**
     * Collects the words of one field within the allowed edits of a typed word. It finds what Lucene's fuzzy
     * terms enumeration finds, in the same order, but from an automaton built once ({@link #automaton}).
     */
    private void collect(IndexReader reader, String field, String term, Map<String, Candidate> into)
            throws IOException {
        collect(reader, field, term, Integer.MAX_VALUE, into);
    }

    private void collect(IndexReader reader, String field, String term, int maxEdits, Map<String, Candidate> into)
            throws IOException {
        int edits = Math.min(maxEdits, allowedEdits(term));
        Terms terms = MultiTerms.getTerms(reader, field);
        if (edits == 0 || terms == null) {
            return;
        }
        TermsEnum near = terms.intersect(automaton(term, edits), null);
        BytesRef next;
        int seen = 0;
        while ((next = near.next()) != null && seen++ < MAX_CANDIDATES) {
            String text = next.utf8ToString();
            int distance = distance(term, text);
            if (distance == 0) {
                continue; // the typed word itself, when a few papers have it
            }
            int papers = near.docFreq();
            into.merge(text, new Candidate(text, distance, papers), (a, b) ->
                    new Candidate(text, Math.min(a.distance(), b.distance()), a.papers() + b.papers()));
        }
    }

    /**
     * Words within {@code edits} of the term, a swap counting as one, with its first letter as typed. Building
     * one took two thirds of a misspelt query's time, and a word is looked for in up to three fields, in a second
     * pass when the first finds nothing, and again for each page of its results: so it is built for the most edits
     * only (the distance of each candidate is counted anyway; a suggestion asks for one) and the last few are kept.
     */
    private CompiledAutomaton automaton(String term, int edits) {
        // the edits follow from the term (allowedEdits) but for a suggestion's one
        return automata.computeIfAbsent(edits + ":" + term, key -> {
            // the first letter is rarely the mistake, and fixing it keeps the enumeration small
            int prefix = term.offsetByCodePoints(0, 1);
            LevenshteinAutomata rest = new LevenshteinAutomata(term.substring(prefix), true);
            return new CompiledAutomaton(rest.toAutomaton(edits, term.substring(0, prefix)), true, false);
        });
    }

    /**
     * Like Elasticsearch's "AUTO": none for short words, where one edit makes another word. The letters count,
     * not the joiner of a hyphenated given name.
     */
    static int allowedEdits(String word) {
        String letters = word.replace(String.valueOf(PaperAnalyzers.NAME_JOINER), ""); // of a hyphenated name
        if (!letters.chars().allMatch(Character::isLetter)) {
            return 0; // numbers, ids and versions are not typos
        }
        int length = letters.codePointCount(0, letters.length());
        return length < 4 ? 0 : length < 6 ? 1 : 2;
    }

    /**
     * Whether the typed word is the other with a letter left out (not its last) or two neighbours swapped (not the last
     * two of a short word): the slips of typing ("transfomer", "segmentaion", "langauge", "modle"). A letter changed or
     * added, or such a slip at the end, mostly makes another word: "imagen", "informer", "weka", "defection", "humane"
     * are no typos of image, informed, weak, detection and human.
     */
    static boolean isSlipOf(String typed, String word) {
        int same = 0;
        while (same < typed.length() && same < word.length() && typed.charAt(same) == word.charAt(same)) {
            same++;
        }
        if (word.length() == typed.length() + 1) {
            return same < typed.length() && word.startsWith(typed.substring(same), same + 1);
        }
        // a swap at the end of a short word mostly makes another ("weka", "form"), not of a longer one ("modle")
        return word.length() == typed.length() && same + 2 <= typed.length() - (typed.length() < 5 ? 1 : 0)
                && typed.charAt(same) == word.charAt(same + 1) && typed.charAt(same + 1) == word.charAt(same)
                && typed.startsWith(word.substring(same + 2), same + 2);
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit ("trasnformer"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * The correction in the typed word's case ("Trasnformer" is "Transformer", a misspelt "BERT" stays upper
     * case), each part of a hyphenated name in its own ("An-Lan").
     */
    static String matchCase(String typed, String correction) {
        String[] typedParts = typed.split(PaperAnalyzers.HYPHEN);
        String[] parts = correction.split("-");
        if (typedParts.length > 1 && typedParts.length == parts.length) {
            StringBuilder matched = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                matched.append(i == 0 ? "" : "-").append(matchWordCase(typedParts[i], parts[i]));
            }
            return matched.toString();
        }
        return matchWordCase(typed, correction);
    }

    private static String matchWordCase(String typed, String correction) {
        if (typed.isEmpty() || correction.isEmpty()) {
            return correction;
        }
        if (typed.length() > 1 && typed.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
            return correction.toUpperCase(Locale.ROOT);
        }
        if (typed.substring(1).chars().anyMatch(Character::isUpperCase)) {
            // "LeCnu" and "LeCunn" are "LeCun": letter by letter where the places are kept, as a swap or a
            // substitution keeps them all, and any edit those before it
            boolean samePlaces = typed.length() == correction.length();
            boolean aligned = true;
            StringBuilder matched = new StringBuilder(correction.length());
            for (int i = 0; i < correction.length(); i++) {
                char c = correction.charAt(i);
                aligned &= i < typed.length() && (samePlaces || Character.toLowerCase(typed.charAt(i)) == c);
                matched.append(aligned && Character.isUpperCase(typed.charAt(i)) || i == 0
                        && Character.isUpperCase(typed.charAt(0)) ? Character.toUpperCase(c) : c);
            }
            return matched.toString();
        }
        if (Character.isUpperCase(typed.charAt(0))) {
            return Character.toUpperCase(correction.charAt(0)) + correction.substring(1);
        }
        return correction;
    }
}
