package dev.paperboy.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ArxivScheduleTest {

    private final ArxivSchedule schedule = ArxivSchedule.announcements(LocalTime.of(20, 30));

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ArxivFeedParser.ARXIV_ZONE).toInstant();
    }

    @Test
    void fetchesSundayToThursdayEveningsInNewYork() {
        // Thursday 2026-03-05 21:00 → the next fetch is Sunday evening: no announcements Friday and Saturday.
        assertThat(schedule.next(newYork("2026-03-05T21:00"))).isEqualTo(newYork("2026-03-08T20:30"));
        assertThat(schedule.next(newYork("2026-03-02T10:00"))).isEqualTo(newYork("2026-03-02T20:30"));
        assertThat(schedule.next(newYork("2026-03-02T20:30"))).as("strictly after").isEqualTo(newYork("2026-03-03T20:30"));
    }

    @Test
    void theClocksChangingKeepsTheLocalTime() {
        // US daylight saving starts Sunday 2026-03-08: the fetch stays at 20:30 New York time.
        assertThat(schedule.next(newYork("2026-03-08T12:00"))).isEqualTo(Instant.parse("2026-03-09T00:30:00Z"));
        assertThat(schedule.next(newYork("2026-03-06T12:00"))).isEqualTo(newYork("2026-03-08T20:30"));
    }

    @Test
    void thePreviousFetchTimeIsWhatCatchUpCompares() {
        assertThat(schedule.previous(newYork("2026-03-07T12:00"))).isEqualTo(newYork("2026-03-05T20:30"));
        assertThat(schedule.previous(newYork("2026-03-02T20:30"))).isEqualTo(newYork("2026-03-02T20:30"));
    }

    @Test
    void listingsAreDatedTheDayAfterTheAnnouncementAndFridaysOverTheWeekend() {
        assertThat(ArxivSchedule.listingDate(newYork("2026-03-01T20:30"))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(ArxivSchedule.listingDate(newYork("2026-03-03T10:00"))).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(ArxivSchedule.listingDate(newYork("2026-03-06T21:00"))).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(ArxivSchedule.listingDate(newYork("2026-03-08T10:00"))).isEqualTo(LocalDate.of(2026, 3, 6));
    }
}
