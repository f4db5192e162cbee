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

    @Test
    void submissionsAreListedAfterTheNextWeekdayCutoff() {
        // 2026-02-23 is a Monday; New York is on EST (UTC-5) until 2026-03-08.
        assertThat(ArxivSchedule.listingOfSubmission(Instant.parse("2026-02-23T18:59:00Z"))).hasToString("2026-02-24");
        assertThat(ArxivSchedule.listingOfSubmission(Instant.parse("2026-02-23T19:00:00Z"))).hasToString("2026-02-25");
        assertThat(ArxivSchedule.listingOfSubmission(Instant.parse("2026-02-26T20:00:00Z"))).as("Thursday afternoon")
                .hasToString("2026-03-02");
        assertThat(ArxivSchedule.listingOfSubmission(Instant.parse("2026-02-27T20:00:00Z"))).as("Friday afternoon")
                .hasToString("2026-03-03");
        assertThat(ArxivSchedule.listingOfSubmission(Instant.parse("2026-02-28T12:00:00Z"))).as("Saturday")
                .hasToString("2026-03-03");
    }

    @Test
    void cutoffsAndMissedListingsSkipTheWeekend() {
        assertThat(ArxivSchedule.submissionCutoff(LocalDate.of(2026, 3, 2))).isEqualTo(Instant.parse("2026-02-27T19:00:00Z"));
        assertThat(ArxivSchedule.submissionCutoff(LocalDate.of(2026, 3, 3))).isEqualTo(Instant.parse("2026-03-02T19:00:00Z"));
        assertThat(ArxivSchedule.listingsBetween(LocalDate.of(2026, 2, 26), LocalDate.of(2026, 3, 3)))
                .extracting(LocalDate::toString).containsExactly("2026-02-27", "2026-03-02");
        assertThat(ArxivSchedule.listingsBetween(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 2))).isEmpty();
    }
}
