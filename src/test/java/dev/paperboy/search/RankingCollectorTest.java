package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector skips (block-max WAND, bounds on bonuses and on the recency factor) yet must rank exactly as
 * scoring every match in full would: checked against that, on papers of few words so that most match.
 */
class RankingCollectorTest {

    private static final String[] WORDS = {"graph", "neural", "network", "vision", "transformer", "diffusion",
        "model", "learning", "robot", "language", "agent", "sparse"};
    private static final String[] NAMES = {"Ann Lee", "Bo Chen", "Carla Diaz", "Dan Graph", "Eve Network"};
    private static final int PAPERS = 6_000;
    private static final int SEGMENTS = 3;

    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;
    private static long newestDay;

    @BeforeAll
    static void index() throws IOException {
        Random random = new Random(7);
        directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(PaperAnalyzers.perField())
                .setIndexSort(LuceneSearchIndex.INDEX_ORDER).setSimilarity(LuceneSearchIndex.SIMILARITY)
                .setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < PAPERS; i++) {
                LocalDate date = random.nextInt(30) == 0 ? null
                        : LocalDate.of(2023, 1, 1).plusDays(random.nextInt(900));
                Paper paper = new Paper(String.format("2401.%05d", i), 0, words(random, 2 + random.nextInt(5)),
                        List.of(NAMES[random.nextInt(NAMES.length)], NAMES[random.nextInt(NAMES.length)]),
                        words(random, 5 + random.nextInt(40)), "", List.of("cs.LG"), date, null, List.of());
                writer.addDocument(PaperDocuments.toDocument(new LibraryPaper(paper, List.of(), date), i));
                if (date != null) {
                    newestDay = Math.max(newestDay, date.toEpochDay());
                }
                if ((i + 1) % (PAPERS / SEGMENTS) == 0) {
                    writer.commit();
                }
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(LuceneSearchIndex.SIMILARITY);
    }

    /** Words drawn unevenly, as in real text: the first ones are frequent, the last ones rare. */
    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int pick = (int) (WORDS.length * Math.pow(random.nextDouble(), 2));
            text.append(i == 0 ? "" : " ").append(WORDS[pick]);
        }
        return text.toString();
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void theIndexIsInSegmentsSortedNewestFirst() {
        assertThat(reader.leaves()).hasSize(SEGMENTS)
                .allSatisfy(leaf -> assertThat(RankingCollector.isNewestFirst(leaf)).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"graph", "graph neural", "neural network model", "vision transformer", "sparse",
        "robot OR agent", "\"graph neural\"", "graph -neural", "au:\"Dan Graph\"", "graph network au:Lee",
        "ti:model learning", "abs:language agent"})
    void ranksAsScoringEveryMatchInFull(String typed) throws IOException {
        PaperQueryFactory.PaperQuery query = new PaperQueryFactory(PaperAnalyzers.english(), PaperAnalyzers.names())
                .build(UserQueryParser.parse(typed)).orElseThrow();
        List<RankingCollector.Hit> everything = scoredInFull(query);
        for (int wanted : new int[] {1, 10, 40}) {
            RankingCollector collector = new RankingCollector(wanted, newestDay, weights(query.bonuses(),
                    ScoreMode.TOP_SCORES), 50);
            searcher.search(query.base(), collector.manager());

            assertThat(everything).as("enough matches to skip through").hasSizeGreaterThan(wanted + 100);
            assertThat(shown(collector.hits())).as("%s, best %d", typed, wanted)
                    .isEqualTo(shown(everything.subList(0, wanted)));
            TotalHits total = collector.totalHits();
            assertThat(total.value).isBetween(50L, (long) everything.size());
            if (total.relation == TotalHits.Relation.EQUAL_TO) {
                assertThat(total.value).isEqualTo(everything.size());
            }
        }
    }

    /** Every match of the base query with its bonuses and recency factor, best first: no skipping at all. */
    private static List<RankingCollector.Hit> scoredInFull(PaperQueryFactory.PaperQuery query) throws IOException {
        Weight base = searcher.createWeight(searcher.rewrite(query.base()), ScoreMode.COMPLETE, 1f);
        List<Weight> bonuses = weights(query.bonuses(), ScoreMode.COMPLETE);
        List<RankingCollector.Hit> hits = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Scorer scorer = base.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            NumericDocValues days = leaf.reader().getNumericDocValues(PaperFields.DAY);
            for (int doc = scorer.iterator().nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = scorer.iterator().nextDoc()) {
                double bonus = 0;
                for (Weight weight : bonuses) {
                    Scorer bonusScorer = weight.scorer(leaf);
                    if (bonusScorer != null && bonusScorer.iterator().advance(doc) == doc) {
                        bonus += bonusScorer.score();
                    }
                }
                long day = days.advanceExact(doc) ? days.longValue() : Long.MIN_VALUE;
                double factor = day == Long.MIN_VALUE ? 1.0 : RecencyBoost.multiplier(newestDay, day);
                hits.add(new RankingCollector.Hit(leaf.docBase + doc, (float) ((scorer.score() + bonus) * factor),
                        day, leaf));
            }
        }
        hits.sort(RankingCollector.BEST_FIRST);
        return hits;
    }

    private static List<String> shown(List<RankingCollector.Hit> hits) {
        return hits.stream().map(hit -> hit.doc() + ": " + hit.score()).toList();
    }

    private static List<Weight> weights(List<Query> queries, ScoreMode mode) throws IOException {
        List<Weight> weights = new ArrayList<>();
        for (Query query : queries) {
            weights.add(searcher.createWeight(searcher.rewrite(query), mode, 1f));
        }
        return weights;
    }
}
