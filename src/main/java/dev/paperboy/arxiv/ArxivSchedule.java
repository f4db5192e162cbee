package dev.paperboy.arxiv;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When arXiv has news: it announces new papers at 20:00 US Eastern, Sunday to Thursday, and dates the
 * listing the next day. The fetch runs at a configured time on those evenings.
 */
public final class ArxivSchedule {

    private static final LocalTime ANNOUNCEMENT = LocalTime.of(20, 0);

    private final LocalTime fetchTime;
    private final ZoneId zone;
    private final Set<DayOfWeek> days;

    public ArxivSchedule(LocalTime fetchTime, ZoneId zone, Set<DayOfWeek> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one day");
        }
        this.fetchTime = fetchTime;
        this.zone = zone;
        this.days = EnumSet.copyOf(days);
    }

    /** At {@code fetchTime} US Eastern on the evenings arXiv announces. */
    public static ArxivSchedule announcements(LocalTime fetchTime) {
        return new ArxivSchedule(fetchTime, ArxivFeedParser.ARXIV_ZONE, EnumSet.of(DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first fetch time strictly after {@code after}. */
    public Instant next(Instant after) {
        ZonedDateTime local = after.atZone(zone);
        for (int i = 0; i <= 8; i++) {
            LocalDate day = local.toLocalDate().plusDays(i);
            Instant slot = day.atTime(fetchTime).atZone(zone).toInstant();
            if (days.contains(day.getDayOfWeek()) && slot.isAfter(after)) {
                return slot;
            }
        }
        throw new IllegalStateException("no fetch time within a week of " + after);
    }

    /** The last fetch time at or before {@code atOrBefore}. */
    public Instant previous(Instant atOrBefore) {
        ZonedDateTime local = atOrBefore.atZone(zone);
        for (int i = 0; i <= 8; i++) {
            LocalDate day = local.toLocalDate().minusDays(i);
            Instant slot = day.atTime(fetchTime).atZone(zone).toInstant();
            if (days.contains(day.getDayOfWeek()) && !slot.isAfter(atOrBefore)) {
                return slot;
            }
        }
        throw new IllegalStateException("no fetch time within a week before " + atOrBefore);
    }

    /** The submission deadline (14:00 US Eastern) of papers first announced in the listing of this day. */
    private static final LocalTime CUTOFF = LocalTime.of(14, 0);

    /**
     * When submissions for the listing of {@code listing} closed: 14:00 US Eastern on the weekday before it
     * (Friday for a Monday listing). Holidays, which shift arXiv's calendar, are not known here.
     */
    public static Instant submissionCutoff(LocalDate listing) {
        LocalDate day = listing.minusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day.atTime(CUTOFF).atZone(ArxivFeedParser.ARXIV_ZONE).toInstant();
    }

    /**
     * The listing a paper submitted at {@code submitted} first appears in: the one after the next weekday
     * 14:00 US Eastern deadline (a Friday deadline is announced on Sunday evening, in Monday's listing).
     */
    public static LocalDate listingOfSubmission(Instant submitted) {
        ZonedDateTime local = submitted.atZone(ArxivFeedParser.ARXIV_ZONE);
        LocalDate day = local.toLocalTime().isBefore(CUTOFF) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.getDayOfWeek() == DayOfWeek.FRIDAY ? day.plusDays(3) : day.plusDays(1);
    }

    /** The weekday listings strictly between two listing days, oldest first. */
    public static List<LocalDate> listingsBetween(LocalDate after, LocalDate before) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = after.plusDays(1); day.isBefore(before); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * The date of the newest listing at that moment, the way arXiv dates it: an announcement on Sunday
     * evening is Monday's listing, and over the weekend Friday's listing is the newest.
     */
    public static LocalDate listingDate(Instant at) {
        ZonedDateTime local = at.atZone(ArxivFeedParser.ARXIV_ZONE);
        LocalDate day = local.toLocalTime().isBefore(ANNOUNCEMENT) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.minusDays(2);
            default -> day;
        };
    }
}
