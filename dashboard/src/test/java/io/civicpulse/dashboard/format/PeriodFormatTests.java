package io.civicpulse.dashboard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.civicpulse.kpi.Grain;

class PeriodFormatTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 8, 3);

    private final PeriodFormat format = PeriodFormat.of(Locale.US);

    @Test
    void periodsAreNamedAsPeopleSayThem() {
        assertThat(format.label(Grain.DAY, MONDAY)).isEqualTo("Mon 3 Aug 2026");
        assertThat(format.label(Grain.WEEK, MONDAY)).isEqualTo("Week of 3 Aug 2026");
        assertThat(format.label(Grain.MONTH, LocalDate.of(2026, 8, 1))).isEqualTo("August 2026");
        assertThat(format.label(Grain.QUARTER, LocalDate.of(2026, 7, 1))).isEqualTo("Q3 2026");
    }

    @Test
    void chartLabelsAreShort() {
        assertThat(format.shortLabel(Grain.DAY, MONDAY)).isEqualTo("3 Aug");
        assertThat(format.shortLabel(Grain.MONTH, LocalDate.of(2026, 8, 1))).isEqualTo("Aug 2026");
        assertThat(format.shortLabel(Grain.QUARTER, LocalDate.of(2026, 10, 1))).isEqualTo("Q4 2026");
    }

    @Test
    void periodsEndSentences() {
        assertThat(format.during(Grain.DAY, MONDAY)).isEqualTo("on Mon 3 Aug 2026");
        assertThat(format.during(Grain.WEEK, MONDAY)).isEqualTo("in the week of 3 Aug 2026");
        assertThat(format.during(Grain.MONTH, LocalDate.of(2026, 8, 1))).isEqualTo("in August 2026");
    }

    @Test
    void momentsReadInTheCitysTimeZone() {
        Instant published = Instant.parse("2026-08-04T06:15:00Z");

        String text = format.dateTime(published, ZoneId.of("America/New_York"));

        // The JDK's CLDR data puts a narrow no-break space before AM/PM; normalise it for the comparison.
        assertThat(text.replace('\u202f', ' ')).isEqualTo("Tue 4 Aug 2026, 2:15 AM EDT");
    }
}
