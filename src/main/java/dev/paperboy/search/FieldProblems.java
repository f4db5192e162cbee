package dev.paperboy.search;

import dev.paperboy.core.ArxivIds;
import dev.paperboy.core.command.TypedText;
import dev.paperboy.core.render.PlainText;
import dev.paperboy.search.UserQuery.Clause;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a field clause as typed ({@code au:} with nothing after it, {@code date:2025-13},
 * {@code id:garbage}), said the way a reply shows it: what was typed and what to type instead.
 */
final class FieldProblems {

    /** Longer values are cut in a reply: they may be anything pasted. */
    static final int SHOWN_CHARACTERS = 40;
    /** A year and month, and maybe a day, as {@link PaperQueryFactory#parseDate} reads them, whether they exist or not. */
    private static final Pattern DATE_SHAPED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?");

    private FieldProblems() {
    }

    /** The problem with this clause, typed with the field name {@code typedName}; empty when it can be searched. */
    static Optional<String> of(String typedName, Clause clause) {
        String value = clause.value().strip();
        String example = typedName + ":" + exampleValue(clause.kind());
        if (value.isEmpty()) {
            return Optional.of(typedName + ": needs something after it, such as " + example + ".");
        }
        return switch (clause.kind()) {
            case AFTER, BEFORE, DATE -> PaperQueryFactory.parseDate(value).isPresent() ? Optional.empty()
                    : Optional.of(quoted(value) + " is not a date: " + notADate(typedName, value, example)
                    .orElse("write a year, a month or a day, such as " + example) + ".");
            case ID -> ArxivIds.normalise(value).isPresent() ? Optional.empty()
                    : Optional.of(quoted(value) + " is not an arXiv id: write one such as " + example + ".");
            default -> Optional.empty();
        };
    }

    /**
     * When the date filters every paper must pass ({@code after:}, {@code before:}, {@code date:} not among
     * alternatives) leave no day between them ({@code after:2025-07 before:2025-06}): what to change.
     */
    static Optional<String> noDayLeft(List<List<Clause>> groups) {
        LocalDate from = LocalDate.MIN;
        LocalDate until = LocalDate.MAX;
        List<String> dates = new ArrayList<>();
        for (List<Clause> group : groups) {
            Clause clause = group.get(0);
            Optional<LocalDate[]> range = group.size() == 1 && clause.kind().isDate()
                    ? PaperQueryFactory.parseDate(clause.value().strip()) : Optional.empty();
            if (range.isPresent()) {
                dates.add(clause.kind().name().toLowerCase(Locale.ROOT) + ":" + clause.value().strip());
                if (clause.kind() != UserQuery.Kind.BEFORE && range.get()[0].isAfter(from)) {
                    from = range.get()[0];
                }
                LocalDate end = clause.kind() == UserQuery.Kind.BEFORE ? range.get()[0]
                        : clause.kind() == UserQuery.Kind.DATE ? range.get()[1] : LocalDate.MAX;
                if (end.isBefore(until)) {
                    until = end;
                }
            }
        }
        if (from.isBefore(until)) {
            return Optional.empty();
        }
        return Optional.of("No day is " + String.join(" and ", dates) + " at once (after: counts its own day,"
                + " before: does not): widen or drop one of them.");
    }

    /**
     * What is wrong with a value written as a month or a day that does not exist, and what to write instead:
     * {@code 2025-13} "a month is 01 to 12" and {@code example}, {@code 2025-02-30} "February 2025 has 28 days" and
     * that month's last day, the likelier meaning.
     */
    private static Optional<String> notADate(String typedName, String value, String example) {
        Matcher m = DATE_SHAPED.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return Optional.of("a month is 01 to 12; write one such as " + example);
        }
        if (m.group(3) == null) {
            return Optional.empty();
        }
        YearMonth yearMonth = YearMonth.of(Integer.parseInt(m.group(1)), month);
        if (Integer.parseInt(m.group(3)) == 0) {
            return Optional.of("days are counted from 01; write one such as " + example);
        }
        return Optional.of(yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + yearMonth.getYear() + " has " + yearMonth.lengthOfMonth() + " days; write one such as " + typedName
                + ":" + yearMonth.atEndOfMonth());
    }

    /** The value in quotes, cut to {@value #SHOWN_CHARACTERS} characters. */
    static String quoted(String value) {
        return "“" + TypedText.shown(PlainText.oneLine(value), SHOWN_CHARACTERS) + "”";
    }

    private static String exampleValue(UserQuery.Kind kind) {
        return switch (kind) {
            case AUTHOR -> "\"Yann LeCun\"";
            case TITLE -> "transformer";
            case ABSTRACT -> "segmentation";
            case TOPIC -> "\"Vision Transformer\"";
            case CATEGORY -> "cs.CV";
            case ID -> "2211.07638";
            case AFTER -> "2025-01-01";
            case BEFORE -> "2025-06";
            case DATE -> "2025-06";
            case TEXT -> "word";
        };
    }
}
