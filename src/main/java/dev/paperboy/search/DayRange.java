package dev.paperboy.search;

import dev.paperboy.search.UserQuery.Clause;
import dev.paperboy.search.UserQuery.Kind;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;

/**
 * The first and the last day of the papers in an index, to say why a date filter found nothing
 * ({@code after:2027} when the newest paper is from 2026). Both are null when no paper has a date.
 */
record DayRange(LocalDate first, LocalDate last) {

    static DayRange of(IndexReader reader) throws IOException {
        byte[] min = PointValues.getMinPackedValue(reader, PaperFields.DAY);
        byte[] max = PointValues.getMaxPackedValue(reader, PaperFields.DAY);
        return min == null || max == null ? new DayRange(null, null)
                : new DayRange(LocalDate.ofEpochDay(LongPoint.decodeDimension(min, 0)),
                        LocalDate.ofEpochDay(LongPoint.decodeDimension(max, 0)));
    }

    /** Whether the year, month or day written lies between the first and the last day: a gap in the papers. */
    private boolean within(String value) {
        return PaperQueryFactory.parseDate(value).map(range -> !range[0].isBefore(first)
                && !range[1].minusDays(1).isAfter(last)).orElse(false);
    }

    /** Why the date clause alone finds no paper, and which days would. */
    String whyNone(IndexSearcher searcher, Clause clause) throws IOException {
        String value = clause.value().strip();
        if (first == null) {
            return "No paper here has a date, so " + value + " finds none: drop it.";
        }
        return switch (clause.kind()) {
            case AFTER -> "No paper is from " + value + " or later: the newest is from " + last + ".";
            case BEFORE -> "No paper is from before " + value + ": the oldest is from " + first + ".";
            default -> within(value) ? whyNoneTogether(searcher, List.of(clause))
                    : "No paper is from " + value + ": the papers here are from " + first + " to " + last + ".";
        };
    }

    /**
     * Why date clauses that each find papers find none together, or a {@code date:} between the first and the last
     * day finds none: the days they allow hold no paper, said with where the papers stop before those days and start
     * again after them ("after:2024-01-01 before:2025-03-01": the papers stop on 2023-12-02 and start again on
     * 2025-03-18).
     */
    static String whyNoneTogether(IndexSearcher searcher, List<Clause> clauses) throws IOException {
        LocalDate from = null;
        LocalDate until = null;
        for (Clause clause : clauses) {
            Optional<LocalDate[]> range = PaperQueryFactory.parseDate(clause.value().strip());
            if (range.isPresent()) {
                if (clause.kind() != Kind.BEFORE) {
                    from = latest(from, range.get()[0]);
                }
                if (clause.kind() != Kind.AFTER) {
                    until = earliest(until, clause.kind() == Kind.BEFORE ? range.get()[0] : range.get()[1]);
                }
            }
        }
        Optional<LocalDate> stop = from == null ? Optional.empty()
                : nearestDay(searcher, Long.MIN_VALUE, from.toEpochDay() - 1, true);
        Optional<LocalDate> start = until == null ? Optional.empty()
                : nearestDay(searcher, until.toEpochDay(), Long.MAX_VALUE, false);
        String typed = clauses.size() == 1 && clauses.get(0).kind() == Kind.DATE ? clauses.get(0).value().strip()
                : "the days " + clauses.stream().map(c -> c.kind().name().toLowerCase(Locale.ROOT) + ":"
                        + c.value().strip()).collect(Collectors.joining(" ")) + " allow";
        String where = stop.isPresent() && start.isPresent()
                ? "the papers here stop on " + stop.get() + " and start again on " + start.get()
                : stop.map(day -> "the newest paper here is from " + day)
                        .or(() -> start.map(day -> "the oldest paper here is from " + day))
                        .orElse("no paper has a day");
        return "No paper is from " + typed + ": " + where + ".";
    }

    /** The newest (or oldest) day of a paper from {@code first} to {@code last}, epoch days. */
    private static Optional<LocalDate> nearestDay(IndexSearcher searcher, long first, long last, boolean newest)
            throws IOException {
        TopFieldDocs top = searcher.search(LongPoint.newRangeQuery(PaperFields.DAY, first, last), 1,
                new Sort(new SortField(PaperFields.DAY, SortField.Type.LONG, newest)));
        return top.scoreDocs.length == 0 ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay((Long) ((FieldDoc) top.scoreDocs[0]).fields[0]));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
