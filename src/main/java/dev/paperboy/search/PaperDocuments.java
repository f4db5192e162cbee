package dev.paperboy.search;

import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import dev.paperboy.core.PaperHashes;
import dev.paperboy.core.Topics;
import dev.paperboy.core.command.TypedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a library paper into an index document. The whole paper is stored ({@link StoredPapers}) so that
 * the index can answer on its own before the library is read; with a library, hits are resolved by key.
 */
final class PaperDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(PaperDocuments.class);
    /** How Lucene says that one value of a field is too long, as a term or as doc values, naming the field. */
    private static final Pattern TOO_LONG = Pattern.compile(
            "immense term in field=\"([^\"]+)\"|DocValuesField \"([^\"]+)\" is too large");
    /** Index fields as a content file calls them; the key is the title for a paper without an arXiv id. */
    private static final Map<String, String> FIELD_NAMES = Map.of(PaperFields.CATEGORY, "category",
            PaperFields.ID, "arXiv id", PaperFields.KEY, "title (its key when it has no arXiv id)",
            PaperFields.TITLE_KEY, "title",
            PaperFields.TOPIC_KEYWORD, "topic");
    /** Only which papers have the word: no frequencies, positions or norms, so it costs little. */
    private static final FieldType SPELL_TYPE = spellType();
    /**
     * How much one occurrence in each field counts in {@link PaperFields#TEXT}: title matches weigh most,
     * then authors and topics, then the abstract, where a word counts {@value #ABSTRACT_WEIGHT} once and at
     * most {@value #ABSTRACT_CAP} however often it is repeated: an abstract that says "FoX" six times must not
     * outweigh an author named Fox. (Twice the weights of format 6, with twice its k1, {@link
     * PaperSimilarity}: scores are as they were for everything but repeated abstract words.)
     */
    static final int TITLE_WEIGHT = 12;
    static final int AUTHORS_WEIGHT = 4;
    static final int TOPICS_WEIGHT = 4;
    static final int ABSTRACT_WEIGHT = 2;
    static final int ABSTRACT_CAP = 3;
    static final int COMMENT_WEIGHT = 2;
    /**
     * The longest normalised title kept for {@code /paper TITLE}: longer than any chat message, far below
     * Lucene's limit for one term (a longer title would have the paper refused).
     */
    private static final int MAX_TITLE_KEY = 8_000;
    /** Analyzers are safe to share between threads: each thread gets its own token streams. */
    private static final Analyzer ENGLISH = PaperAnalyzers.english();
    /** For the words {@link CompoundWords} joins: their stems are not remembered. */
    private static final Analyzer JOINING = PaperAnalyzers.english(false);
    private static final Analyzer NAMES = PaperAnalyzers.names();

    private PaperDocuments() {
    }

    private static FieldType spellType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /**
     * A paper Lucene refused, left out of search: its key and fingerprint (it is tried again once it changes)
     * and why, one sentence for whoever reloaded.
     */
    record Refusal(String key, long fingerprint, String why) {
    }

    /**
     * Adds the paper's document; when Lucene refuses it because one value is longer than a term may be (such
     * as a 40,000-character category), logs and returns why, naming the paper and the field in content terms.
     * Such a paper stays in the library but is left out of search, and the other papers are indexed as usual.
     * Any other refusal is thrown: it is not about one paper.
     */
    static Optional<Refusal> add(IndexWriter writer, LibraryPaper paper) throws IOException {
        long fingerprint = PaperHashes.fingerprint(paper);
        try {
            writer.addDocument(toDocument(paper, fingerprint));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            Matcher tooLong = TOO_LONG.matcher(String.valueOf(e.getMessage()));
            if (!tooLong.find()) {
                throw e;
            }
            String field = tooLong.group(1) != null ? tooLong.group(1) : tooLong.group(2);
            String reason = "Paper " + TypedText.shown(paper.key(), 80) + " is left out of search: its "
                    + FIELD_NAMES.getOrDefault(field, "field " + field) + " is longer than the search index allows"
                    + " in one value (" + IndexWriter.MAX_TERM_LENGTH + " bytes); shorten it in the content";
            LOG.warn(reason);
            return Optional.of(new Refusal(paper.key(), fingerprint, reason));
        }
    }

    static Document toDocument(LibraryPaper libraryPaper, long fingerprint) {
        Paper paper = libraryPaper.paper();
        Document doc = new Document();
        String key = libraryPaper.key();
        doc.add(new StringField(PaperFields.KEY, key, Field.Store.NO));
        doc.add(new SortedDocValuesField(PaperFields.KEY, new BytesRef(key)));
        String titleKey = "title:" + Paper.normaliseTitle(paper.title());
        if (titleKey.length() <= MAX_TITLE_KEY) {
            doc.add(new StringField(PaperFields.TITLE_KEY, titleKey, Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(PaperFields.FINGERPRINT, fingerprint));
        doc.add(new BinaryDocValuesField(PaperFields.PAPER, StoredPapers.encode(libraryPaper)));

        WeightedTerms text = new WeightedTerms();
        text.add(addText(doc, PaperFields.TITLE, paper.title()), TITLE_WEIGHT);
        if (paper.title() != null) {
            // not measured: six or seven more title terms would make every paper longer by most of its title
            List<String> apart = CompoundWords.titleRuns(JOINING, paper.title()).stream()
                    .map(CompoundWords::writtenApart).toList();
            text.addUnmeasured(apart, TITLE_WEIGHT);
            if (!apart.isEmpty()) {
                doc.add(WeightedTerms.counted(PaperFields.APART_TOTAL, apart.size() * TITLE_WEIGHT));
            }
        }
        doc.add(new Field(PaperFields.SPELL, paper.title(), SPELL_TYPE));
        Set<String> authorTerms = new LinkedHashSet<>();
        for (String author : paper.authors()) {
            addAuthor(doc, authorTerms, author);
        }
        // a name word counts once however many authors share it: "J. Hinton" and "J. A. Hinton" in a list of
        // 600 are not more of a Hinton paper than one by Hinton alone
        text.addUnmeasured(List.copyOf(authorTerms), AUTHORS_WEIGHT);
        text.addCapped(addText(doc, PaperFields.ABSTRACT, paper.abstractText()), ABSTRACT_WEIGHT, ABSTRACT_CAP);
        text.add(addText(doc, PaperFields.COMMENT, paper.comment()), COMMENT_WEIGHT);
        for (String topic : libraryPaper.topics()) {
            text.add(addText(doc, PaperFields.TOPICS, topic), TOPICS_WEIGHT);
            doc.add(new StringField(PaperFields.TOPIC_KEYWORD, Topics.normalise(topic), Field.Store.NO));
        }
        if (!text.isEmpty()) {
            doc.add(text.field());
        }
        for (String category : paper.categories()) {
            if (!category.isBlank()) {
                doc.add(new StringField(PaperFields.CATEGORY, category.strip().toLowerCase(Locale.ROOT),
                        Field.Store.NO));
            }
        }
        if (paper.arxivId() != null) {
            doc.add(new StringField(PaperFields.ID, paper.arxivId(), Field.Store.NO));
        }
        if (libraryPaper.date() != null) {
            long day = libraryPaper.date().toEpochDay();
            doc.add(new LongPoint(PaperFields.DAY, day));
            doc.add(new NumericDocValuesField(PaperFields.DAY, day));
        }
        return doc;
    }

    /**
     * A text field analysed once; returns its terms for the combined field (none for no text), with its hyphenated
     * words joined ({@link CompoundWords#joinedTerms}).
     */
    private static List<String> addText(Document doc, String field, String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        AnalyzedText analyzed = AnalyzedText.of(ENGLISH, field, value);
        doc.add(new Field(field, analyzed.tokenStream(), TextField.TYPE_NOT_STORED));
        List<String> joined = CompoundWords.joinedTerms(JOINING, value);
        if (joined.isEmpty()) {
            return analyzed.terms();
        }
        List<String> terms = new ArrayList<>(analyzed.terms());
        terms.addAll(joined);
        return terms;
    }

    /**
     * An author's name in the author field, and its words for the combined field as the English analyzer reads
     * them (so that a plain word, which is analysed so, finds it) and as the name analyzer does ("O'Brien" is also
     * "obrien").
     */
    private static void addAuthor(Document doc, Set<String> textTerms, String author) {
        if (author == null || author.isEmpty()) {
            return;
        }
        AnalyzedText analyzed = AnalyzedText.of(NAMES, PaperFields.AUTHORS, author);
        doc.add(new Field(PaperFields.AUTHORS, analyzed.tokenStreamWithInitials(), TextField.TYPE_NOT_STORED));
        textTerms.addAll(analyzed.terms());
        textTerms.addAll(AnalyzedText.of(ENGLISH, PaperFields.AUTHORS, author).terms());
        textTerms.addAll(CompoundWords.joinedTerms(JOINING, author));
    }
}
