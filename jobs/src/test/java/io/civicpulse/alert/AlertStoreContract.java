package io.civicpulse.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

/** Notifications, their read state per user, and subscriptions, on a database the subclass chooses. */
abstract class AlertStoreContract {

    static final MissedTarget SAN_MARCH = new MissedTarget(Kpi.ON_TIME_RATE, Grain.MONTH, LocalDate.of(2026, 3, 1),
            "SAN", 0.7, 0.85, 0.9);

    @Autowired
    AlertStore alerts;

    @Autowired
    AlertSubscriptions subscriptions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM alert_read").update();
        jdbc.sql("DELETE FROM alert_notification").update();
        jdbc.sql("DELETE FROM alert_subscription").update();
        Accounts.clear(jdbc);
    }

    @Test
    void givenAKpiMissTheSamePeriodWhenToldTwiceThenItIsStoredOnce() {
        assertThat(alerts.kpiMissed(SAN_MARCH, 7, Instant.EPOCH)).isPresent();
        assertThat(alerts.kpiMissed(SAN_MARCH, 8, Instant.EPOCH)).isEmpty();
        Notification stored = alerts.latest(10).getFirst();
        assertThat(stored.kpi()).isEqualTo(Kpi.ON_TIME_RATE);
        assertThat(stored.grain()).isEqualTo(Grain.MONTH);
        assertThat(stored.previousValue()).isEqualTo(0.9);
        assertThat(stored.jobExecutionId()).isEqualTo(7);
    }

    @Test
    void givenNotificationsWhenUsersReadThemThenEachUserHasTheirOwnUnreadCount() {
        // given
        Notification missed = alerts.kpiMissed(SAN_MARCH, 7, Instant.EPOCH).orElseThrow();
        alerts.runFailed(9L, "disk full", Instant.EPOCH);
        alerts.runMissed("nightly", "the dashboard was down", Instant.EPOCH);

        // when
        alerts.markRead("ana", missed.id());
        alerts.markRead("ana", missed.id());
        alerts.markAllRead("lee");

        // then
        assertThat(alerts.unreadCount("ana")).isEqualTo(2);
        assertThat(alerts.unreadCount("lee")).isZero();
        assertThat(alerts.unreadCount("bob")).isEqualTo(3);
        assertThat(alerts.readBy("ana")).containsExactly(missed.id());
        assertThat(alerts.unreadByDepartment("ana")).containsExactly(java.util.Map.entry("*", 2L));
        assertThat(alerts.unreadByDepartment("bob")).containsOnly(java.util.Map.entry("*", 2L),
                java.util.Map.entry("SAN", 1L));
        assertThat(alerts.latest(2)).extracting(Notification::kind).containsExactly(AlertKind.RUN_MISSED,
                AlertKind.RUN_FAILED);
    }

    @Test
    void givenSubscriptionsWhenADepartmentIsConcernedThenItsOwnAndAllDepartmentsSubscribersWhoMaySeeItAreRecipients() {
        // given a head of SAN, leadership, an analyst for DOT only, a head of DOT who asked for SAN and for all,
        // and a disabled account
        Accounts.create(jdbc, "maria", true, "DEPARTMENT_HEAD", "SAN");
        Accounts.create(jdbc, "lee", true, "LEADERSHIP");
        Accounts.create(jdbc, "dana", true, "ANALYST");
        Accounts.create(jdbc, "dot-head", true, "DEPARTMENT_HEAD", "DOT");
        Accounts.create(jdbc, "gone", false, "ADMIN");
        subscriptions.subscribe("maria", " san ", "maria@city.example", "es");
        subscriptions.subscribe("lee", "*", "lee@city.example", "en");
        subscriptions.subscribe("dana", "DOT", "dana@city.example", "en");
        subscriptions.subscribe("dot-head", "SAN", "dot-head@city.example", "en");
        subscriptions.subscribe("dot-head", "*", "dot-head@city.example", "en");
        subscriptions.subscribe("gone", "*", "gone@city.example", "en");
        subscriptions.subscribe("nobody", "*", "nobody@city.example", "en");

        // when / then
        assertThat(subscriptions.recipientsOf("SAN")).extracting(Subscription::username).containsExactly("maria",
                "lee");
        assertThat(subscriptions.recipientsOf("DOT")).extracting(Subscription::username).containsExactly("lee",
                "dana", "dot-head");
        assertThat(subscriptions.recipientsOf("*")).extracting(Subscription::username).containsExactly("lee",
                "dot-head");
        assertThat(subscriptions.everyone()).extracting(Subscription::username).containsExactly("maria", "lee",
                "dana", "dot-head", "dot-head");
        assertThat(subscriptions.of("maria")).singleElement().extracting(Subscription::department).isEqualTo("SAN");
    }

    @Test
    void givenBadSubscriptionsWhenAddedThenEachIsRefusedAndNothingIsSaved() {
        subscriptions.subscribe("maria", "SAN", "maria@city.example", "es");
        assertThatThrownBy(() -> subscriptions.subscribe("maria", "SAN", "other@city.example", "es"))
                .hasMessage("already subscribed to SAN");
        assertThatThrownBy(() -> subscriptions.subscribe("maria", "DOT", "maria at city", "es"))
                .hasMessage("'maria at city' is not an e-mail address");
        assertThatThrownBy(() -> subscriptions.subscribe("maria", "DOT", "maria@city.example", "fr"))
                .hasMessageStartingWith("language must be one of");
        assertThatThrownBy(() -> subscriptions.subscribe("maria", " ", "maria@city.example", "en"))
                .hasMessage("choose a department, or * for all");
        assertThat(subscriptions.of("maria")).hasSize(1);

        // and one user cannot remove another's subscription
        long id = subscriptions.of("maria").getFirst().id();
        subscriptions.unsubscribe("lee", id);
        assertThat(subscriptions.of("maria")).hasSize(1);
        subscriptions.unsubscribe("maria", id);
        assertThat(subscriptions.of("maria")).isEmpty();
    }
}
