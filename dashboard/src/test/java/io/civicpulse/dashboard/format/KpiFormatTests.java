package io.civicpulse.dashboard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.civicpulse.dashboard.chart.ValueFormat;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiRow;

class KpiFormatTests {

    private final KpiFormat format = KpiFormat.of(Locale.US);

    @Test
    void countsAreWholeNumbersWithThousandsSeparators() {
        assertThat(format.value(Kpi.CONTACTS, 1234)).isEqualTo("1,234");
        assertThat(format.value(Kpi.BACKLOG_OPEN, 1_234_567)).isEqualTo("1,234,567");
        assertThat(format.value(Kpi.CASES_OPENED, 0)).isEqualTo("0");
    }

    @Test
    void hoursHaveOneDecimalAndAnHSuffix() {
        assertThat(format.value(Kpi.CLOSE_MEDIAN_HOURS, 36.5)).isEqualTo("36.5 h");
        assertThat(format.value(Kpi.CLOSE_P90_HOURS, 190)).isEqualTo("190.0 h");
        assertThat(format.value(Kpi.CLOSE_MEDIAN_HOURS, 1234.56)).isEqualTo("1,234.6 h");
    }

    @Test
    void secondsShowADecimalOnlyWhenThereIsOne() {
        assertThat(format.value(Kpi.WAIT_MEDIAN_SECONDS, 42)).isEqualTo("42 s");
        assertThat(format.value(Kpi.WAIT_P90_SECONDS, 42.5)).isEqualTo("42.5 s");
    }

    @Test
    void ratesArePercentagesWithOneDecimal() {
        assertThat(format.value(Kpi.ON_TIME_RATE, 0.8531)).isEqualTo("85.3%");
        assertThat(format.value(Kpi.ABANDON_RATE, 0.05)).isEqualTo("5.0%");
        assertThat(format.value(Kpi.EXPERIENCE_SCORE, 1.0)).isEqualTo("100.0%");
    }

    @Test
    void satisfactionScoresShowTheirScale() {
        assertThat(format.value(Kpi.CSAT_MEAN, 4.1234)).isEqualTo("4.12 / 5");
        assertThat(format.value(Kpi.CES_MEAN, 5.3)).isEqualTo("5.30 / 7");
    }

    @Test
    void npsIsSignedPoints() {
        assertThat(format.value(Kpi.NPS, 31.58)).isEqualTo("+31.6 points");
        assertThat(format.value(Kpi.NPS, -5)).isEqualTo("-5 points");
        assertThat(format.value(Kpi.NPS, 0.01)).isEqualTo("0 points");
    }

    @Test
    void numbersFollowTheLocale() {
        KpiFormat german = KpiFormat.of(Locale.GERMANY);

        assertThat(german.value(Kpi.CONTACTS, 1234)).isEqualTo("1.234");
        assertThat(german.value(Kpi.CLOSE_MEDIAN_HOURS, 36.5)).isEqualTo("36,5 h");
    }

    @Test
    void aSuppressedRowReadsSuppressedNeverZero() {
        KpiRow suppressed = new KpiRow(Kpi.NPS, Grain.MONTH, LocalDate.of(2026, 8, 1), "*", "*", "*", "D7", null,
                null, null, 7, null, null, null, true);

        assertThat(format.value(suppressed, 10)).isEqualTo("suppressed (fewer than 10)");
    }

    @Test
    void aValueJustMissingItsTargetNeverReadsAsTheTarget() {
        KpiRow justMissed = new KpiRow(Kpi.EXPERIENCE_SCORE, Grain.MONTH, LocalDate.of(2026, 8, 1), "*", "*", "*",
                "*", 0.99962, null, null, 11, 1.0, false, null, false);
        KpiRow clearlyMissed = new KpiRow(Kpi.ON_TIME_RATE, Grain.MONTH, LocalDate.of(2026, 8, 1), "*", "*", "*",
                "*", 0.8531, null, null, 900, 0.9, false, null, false);

        assertThat(format.value(justMissed, 10)).isEqualTo("99.96%");
        assertThat(format.value(new KpiRow(Kpi.EXPERIENCE_SCORE, Grain.MONTH, LocalDate.of(2026, 8, 1), "*", "*",
                "*", "*", 0.99996, null, null, 11, 1.0, false, null, false), 10)).isEqualTo("99.996%");
        assertThat(format.value(clearlyMissed, 10)).isEqualTo("85.3%");
    }

    @Test
    void sampleSizesNameWhatWasCounted() {
        assertThat(format.sampleSize(Kpi.CLOSE_MEDIAN_HOURS, 1234)).isEqualTo("Based on 1,234 closed cases");
        assertThat(format.sampleSize(Kpi.CSAT_MEAN, 1)).isEqualTo("Based on 1 survey response");
        assertThat(format.sampleSize(Kpi.EXPERIENCE_SCORE, 5)).isEqualTo("Based on 5 KPI scores");
    }

    @Test
    void targetsSayWhichDirectionMeetsThem() {
        assertThat(format.target(Kpi.ON_TIME_RATE, 0.9)).isEqualTo("Target ≥ 90.0%");
        assertThat(format.target(Kpi.CLOSE_MEDIAN_HOURS, 48)).isEqualTo("Target ≤ 48.0 h");
        assertThat(format.target(Kpi.CONTACTS, 1000)).isEqualTo("Target 1,000");
    }

    @Test
    void everyKpiHasANameADescriptionAndAChartFormat() {
        for (Kpi kpi : Kpi.values()) {
            assertThat(format.name(kpi)).as("name of %s", kpi).isNotBlank();
            assertThat(format.description(kpi)).as("description of %s", kpi).isNotBlank();
            assertThat(format.chartFormat(kpi)).as("chart format of %s", kpi).isNotNull();
        }
    }

    @Test
    void chartsFormatRatesAsPercentagesAndNpsWithASign() {
        assertThat(format.chartFormat(Kpi.ON_TIME_RATE)).isEqualTo(ValueFormat.percent(1));
        assertThat(format.chartFormat(Kpi.NPS).signed()).isTrue();
        assertThat(format.chartFormat(Kpi.CLOSE_MEDIAN_HOURS).suffix()).isEqualTo(" h");
    }
}
