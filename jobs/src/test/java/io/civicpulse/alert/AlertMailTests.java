package io.civicpulse.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

class AlertMailTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final DashboardLink LINK = new DashboardLink("https://dash.city.example/");
    static final Notification SAN_ON_TIME = new Notification(1, AlertKind.KPI_MISSED, "SAN", Kpi.ON_TIME_RATE,
            Grain.MONTH, LocalDate.of(2026, 3, 1), 0.72, 0.85, 0.9, 17L, null, Instant.EPOCH, Instant.EPOCH);
    static final Notification CITY_NPS = new Notification(2, AlertKind.KPI_MISSED, "*", Kpi.NPS, Grain.DAY,
            LocalDate.of(2026, 3, 3), 12.5, 20.0, 21.0, 17L, null, Instant.EPOCH, Instant.EPOCH);

    @Test
    void givenNewlyMissedGoalsWhenWrittenInEnglishThenSubjectBodyAndLinksSayWhatAndWhere() {
        // when
        AlertMail mail = AlertMail.of(List.of(SAN_ON_TIME, CITY_NPS), "en", LINK, NEW_YORK);

        // then
        assertThat(mail.subject()).isEqualTo("[CivicPulse] 2 goals newly missed");
        assertThat(mail.body()).contains(
                "- SAN: Closed on time missed its goal in the month of March 1, 2026: 72.0% against a goal of 85.0%"
                        + " (the period before met it with 90.0%).",
                "  https://dash.city.example/department?department=SAN&grain=MONTH&period=2026-03-01",
                "- The whole city: Net Promoter Score missed its goal on March 3, 2026: 12.5 against a goal of 20",
                "  https://dash.city.example/?grain=DAY&period=2026-03-03",
                "https://dash.city.example/notifications", "https://dash.city.example/my-alerts");
    }

    @Test
    void givenAFailedRunWhenWrittenInSpanishThenTheTextIsSpanish() {
        // given
        Notification failed = new Notification(3, AlertKind.RUN_FAILED, "*", null, null, null, null, null, null, 18L,
                "cases.csv: line 3, column opened_at: not a timestamp", Instant.EPOCH, Instant.EPOCH);

        // when
        AlertMail mail = AlertMail.of(List.of(failed), "es", LINK, NEW_YORK);

        // then
        assertThat(mail.subject()).isEqualTo("[CivicPulse] La ejecución nocturna falló");
        assertThat(mail.body()).startsWith("Hola:").contains(
                "- La ejecución nocturna 18 falló: cases.csv: line 3, column opened_at: not a timestamp");
    }

    @Test
    void everyMessageExistsInBothLanguagesAndEveryKpiHasAName() throws IOException {
        Properties english = load("alerts/messages.properties");
        Properties spanish = load("alerts/messages_es.properties");
        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (Kpi kpi : Kpi.values()) {
            assertThat(english).containsKey("kpi." + kpi.name());
        }
        for (Grain grain : Grain.values()) {
            assertThat(english).containsKey("grain." + grain.name());
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AlertMailTests.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
