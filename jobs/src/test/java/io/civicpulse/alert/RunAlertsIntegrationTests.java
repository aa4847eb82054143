package io.civicpulse.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.civicpulse.cli.CivicPulseJobsApplication;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.run.NightlyRuns;
import io.civicpulse.run.RunOutcome;
import io.civicpulse.run.RunProgressListener;
import io.civicpulse.run.RunRequest;
import io.civicpulse.run.ScheduledRunMissed;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Alerts after real nightly runs, e-mailed through an SMTP server in this JVM (GreenMail): the goals a run newly
 * misses, a failed run and a missed schedule reach the subscribers of the departments concerned, each in their
 * language, and are stored for the dashboard.
 */
@SpringBootTest(classes = CivicPulseJobsApplication.class, properties = {
        "civicpulse.kpi.targets[0].kpi=ON_TIME_RATE", "civicpulse.kpi.targets[0].value=0.8",
        "civicpulse.alerts.from=alerts@city.example", "civicpulse.dashboard.public-url=https://dash.city.example",
        "spring.mail.host=127.0.0.1" })
// Closing the context stops its Spark session before JUnit deletes the home that holds Spark's local folder; a cached
// context would leave later tests a session whose shuffle files are gone.
@DirtiesContext
class RunAlertsIntegrationTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void homeAndSmtp(DynamicPropertyRegistry registry) {
        registry.add("civicpulse.home", () -> home.toString());
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    NightlyRuns runs;

    @Autowired
    AlertSubscriptions subscriptions;

    @Autowired
    AlertStore alerts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void subscribers() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        jdbc.sql("DELETE FROM alert_read").update();
        jdbc.sql("DELETE FROM alert_notification").update();
        jdbc.sql("DELETE FROM alert_subscription").update();
        Accounts.clear(jdbc);
        Accounts.create(jdbc, "maria", true, "DEPARTMENT_HEAD", "SAN");
        Accounts.create(jdbc, "lee", true, "LEADERSHIP");
        Accounts.create(jdbc, "dana", true, "DEPARTMENT_HEAD", "DOT");
        subscriptions.subscribe("maria", "san", "maria@city.example", "es");
        subscriptions.subscribe("lee", "*", "lee@city.example", "en");
        subscriptions.subscribe("dana", "DOT", "dana@city.example", "en");
    }

    @Test
    void givenGoalsMetOnMondayAndMissedOnTuesdayWhenTheRunEndsThenSubscribersOfTheDepartmentAreEmailed()
            throws Exception {
        // given SAN closes both Monday cases on time and both Tuesday cases late; DOT is on time both days
        Path feeds = cases("on-time-then-late",
                "S1,SAN,Bulky Items,PHONE,D1,2026-03-02T09:00:00,2026-03-02T10:00:00,2026-03-02T12:00:00,CLOSED",
                "S2,SAN,Bulky Items,PHONE,D1,2026-03-02T09:00:00,2026-03-02T11:00:00,2026-03-02T12:00:00,CLOSED",
                "S3,SAN,Bulky Items,PHONE,D1,2026-03-03T09:00:00,2026-03-03T15:00:00,2026-03-03T12:00:00,CLOSED",
                "S4,SAN,Bulky Items,PHONE,D1,2026-03-03T09:00:00,2026-03-03T16:00:00,2026-03-03T12:00:00,CLOSED",
                "D1,DOT,Pothole,WEB,D2,2026-03-02T09:00:00,2026-03-02T10:00:00,2026-03-02T12:00:00,CLOSED",
                "D2,DOT,Pothole,WEB,D2,2026-03-03T09:00:00,2026-03-03T10:00:00,2026-03-03T12:00:00,CLOSED");

        // when
        RunOutcome outcome = runs.run(new RunRequest(feeds, MONDAY, TUESDAY, "test"), RunProgressListener.NONE);

        // then SAN and the city newly miss ON_TIME_RATE, and so their experience score, on Tuesday
        assertThat(outcome.succeeded()).as(outcome.failure()).isTrue();
        List<Notification> stored = alerts.latest(50);
        assertThat(stored).allMatch(n -> n.kind() == AlertKind.KPI_MISSED && n.periodStart().equals(TUESDAY));
        assertThat(stored).extracting(n -> n.department() + " " + n.kpi()).containsExactlyInAnyOrder(
                "SAN ON_TIME_RATE", "SAN EXPERIENCE_SCORE", "* ON_TIME_RATE", "* EXPERIENCE_SCORE");
        Notification san = stored.stream().filter(n -> n.department().equals("SAN") && n.kpi() == Kpi.ON_TIME_RATE)
                .findFirst().orElseThrow();
        assertThat(san.value()).isEqualTo(0.0);
        assertThat(san.target()).isEqualTo(0.8);
        assertThat(san.previousValue()).isEqualTo(1.0);

        Map<String, MimeMessage> mails = byRecipient(SMTP.getReceivedMessages());
        assertThat(mails).containsOnlyKeys("maria@city.example", "lee@city.example");
        MimeMessage maria = mails.get("maria@city.example");
        assertThat(maria.getSubject()).isEqualTo("[CivicPulse] 2 objetivos incumplidos por primera vez");
        assertThat(maria.getFrom()[0].toString()).isEqualTo("alerts@city.example");
        assertThat(text(maria)).contains("SAN: Cerrados a tiempo")
                .contains("department=SAN&grain=DAY&period=2026-03-03").doesNotContain("Toda la ciudad");
        MimeMessage lee = mails.get("lee@city.example");
        assertThat(lee.getSubject()).isEqualTo("[CivicPulse] 4 goals newly missed");
        assertThat(text(lee)).contains("SAN: Closed on time missed its goal",
                "The whole city: Closed on time missed its goal on March 3, 2026: 33.3% against a goal of 80.0%",
                "https://dash.city.example/notifications");

        // and when the same days run again, nothing is news
        SMTP.purgeEmailFromAllMailboxes();
        RunOutcome again = runs.run(new RunRequest(feeds, MONDAY, TUESDAY, "test"), RunProgressListener.NONE);
        assertThat(again.succeeded()).isTrue();
        assertThat(alerts.latest(50)).hasSize(4);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void givenAFailingRunWhenItEndsThenEverySubscriberIsEmailedWhy() throws Exception {
        // given a cases file without its opened_at column
        Path feeds = Files.createDirectories(home.resolve("broken"));
        Files.writeString(feeds.resolve("cases.csv"), "case_id,department,service,channel,status\n"
                + "X1,SAN,Bulky Items,PHONE,OPEN\n");

        // when
        RunOutcome outcome = runs.run(new RunRequest(feeds, MONDAY, MONDAY, "test"), RunProgressListener.NONE);

        // then
        assertThat(outcome.succeeded()).isFalse();
        assertThat(alerts.latest(10)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(AlertKind.RUN_FAILED);
            assertThat(n.detail()).isEqualTo(outcome.failure());
        });
        Map<String, MimeMessage> mails = byRecipient(SMTP.getReceivedMessages());
        assertThat(mails).containsOnlyKeys("maria@city.example", "lee@city.example", "dana@city.example");
        assertThat(mails.get("dana@city.example").getSubject()).isEqualTo("[CivicPulse] The nightly run failed");
        assertThat(text(mails.get("dana@city.example")))
                .contains("opened_at");
        assertThat(mails.get("maria@city.example").getSubject())
                .isEqualTo("[CivicPulse] La ejecución nocturna falló");
    }

    @Test
    void givenAScheduledRunThatDidNotHappenWhenToldThenEverySubscriberIsEmailed() throws Exception {
        // when
        events.publishEvent(new ScheduledRunMissed("nightly", Instant.parse("2026-03-03T07:00:00Z"),
                "the dashboard was down"));

        // then
        assertThat(alerts.latest(10)).singleElement().extracting(Notification::kind).isEqualTo(AlertKind.RUN_MISSED);
        Map<String, MimeMessage> mails = byRecipient(SMTP.getReceivedMessages());
        assertThat(mails).hasSize(3);
        assertThat(text(mails.get("lee@city.example")))
                .contains("did not happen: nightly: the dashboard was down");
    }

    private static Path cases(String name, String... rows) throws IOException {
        Path folder = Files.createDirectories(home.resolve(name));
        Files.writeString(folder.resolve("cases-2026-03.csv"),
                "case_id,department,service,channel,district,opened_at,closed_at,due_at,status\n"
                        + String.join("\n", rows) + "\n");
        return folder;
    }

    /** The decoded text of a plain-text e-mail. */
    private static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, MimeMessage> byRecipient(MimeMessage[] messages) {
        return Arrays.stream(messages).collect(Collectors.toMap(RunAlertsIntegrationTests::recipient, m -> m));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
