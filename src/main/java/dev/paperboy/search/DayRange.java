package dev.paperboy.search;

import dev.paperboy.search.UserQuery.Clause;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;

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
    String whyNone(Clause clause) {
        String value = clause.value().strip();
        if (first == null) {
            return "No paper here has a date, so " + value + " finds none: drop it.";
        }
        return switch (clause.kind()) {
            case AFTER -> "No paper is from " + value + " or later: the newest is from " + last + ".";
            case BEFORE -> "No paper is from before " + value + ": the oldest is from " + first + ".";
            default -> "No paper is from " + value + (within(value) ? ", though the papers here run from " + first
                    + " to " + last + "." : ": the papers here are from " + first + " to " + last + ".");
        };
    }

    /** Why date clauses that each find papers find none together: the days they leave hold no paper. */
    String whyNoneTogether(List<Clause> clauses) {
        String typed = clauses.stream().map(c -> c.kind().name().toLowerCase(Locale.ROOT) + ":" + c.value().strip())
                .collect(Collectors.joining(" "));
        return "No paper is from the days " + typed + " leave, though the papers here run from " + first + " to "
                + last + ".";
    }
}
