package io.civicpulse.dashboard.alert.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import io.civicpulse.alert.AlertSubscriptions;
import io.civicpulse.alert.Subscription;
import io.civicpulse.dashboard.TemporaryHome;

/** The bell, the notifications and each user's own alert e-mails. */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "maria", roles = "ANALYST")
class AlertViewsTests extends SpringBrowserlessTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlertSubscriptions subscriptions;

    @BeforeEach
    void twoNotifications() {
        UI.getCurrent().setLocale(Locale.US);
        jdbc.sql("DELETE FROM alert_read").update();
        jdbc.sql("DELETE FROM alert_notification").update();
        jdbc.sql("DELETE FROM alert_subscription").update();
        OffsetDateTime at = OffsetDateTime.parse("2026-03-04T07:00:00Z");
        jdbc.sql("""
                INSERT INTO alert_notification (kind, department, kpi, grain, period_start, kpi_value, target,
                    previous_value, job_execution_id, created_at)
                VALUES ('KPI_MISSED', 'SAN', 'ON_TIME_RATE', 'MONTH', DATE '2026-03-01', 0.72, 0.85, 0.9, 17, ?)""")
                .param(at).update();
        jdbc.sql("""
                INSERT INTO alert_notification (kind, department, job_execution_id, detail, created_at)
                VALUES ('RUN_FAILED', '*', 18, 'cases.csv: missing column opened_at', ?)""")
                .param(at.plusHours(1)).update();
    }

    @Test
    void givenUnreadNotificationsWhenOpenedAndMarkedReadThenTheBellCountsDown() {
        // when
        NotificationsView view = navigate(NotificationsView.class);
        NotificationBell bell = find(NotificationBell.class).single();

        // then
        assertThat(bell.badge.getText()).isEqualTo("2");
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("Notifications, 2 unread");
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getCellText(0, 4))
                .isEqualTo("The nightly run 18 failed: cases.csv: missing column opened_at");
        assertThat(test(view.grid).getCellText(1, 3)).isEqualTo("SAN");
        assertThat(test(view.grid).getCellText(1, 4)).isEqualTo(
                "SAN: Closed on time missed its goal in March 2026: 72.0% against a goal of 85.0% (the period before"
                        + " met it with 90.0%)");
        assertThat(test(view.grid).getCellText(1, 0)).isEqualTo("New");

        // when one is opened
        test(view.grid).clickRow(1);

        // then
        assertThat(test(view.grid).getCellText(1, 0)).isEmpty();
        assertThat(bell.badge.getText()).isEqualTo("1");

        // when all are marked read
        test(view.markAll).click();

        // then
        assertThat(bell.badge.isVisible()).isFalse();
        assertThat(view.markAll.isEnabled()).isFalse();
    }

    @Test
    @WithMockUser(username = "head", authorities = { "ROLE_DEPARTMENT_HEAD", "DEPARTMENT:DOT" })
    void givenADepartmentHeadWhenOpenedThenOnlyTheirDepartmentsTheCityAndRunsAreShownAndCounted() {
        // given a notification of DOT besides SAN's and the failed run
        jdbc.sql("""
                INSERT INTO alert_notification (kind, department, kpi, grain, period_start, kpi_value, target,
                    previous_value, job_execution_id, created_at)
                VALUES ('KPI_MISSED', 'DOT', 'NPS', 'MONTH', DATE '2026-03-01', 10, 20, 25, 17, CURRENT_TIMESTAMP)""")
                .update();

        // when
        NotificationsView view = navigate(NotificationsView.class);

        // then SAN's is neither shown nor counted
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(java.util.stream.IntStream.range(0, 2).mapToObj(row -> test(view.grid).getCellText(row, 3)))
                .containsExactlyInAnyOrder("DOT", "The whole city");
        assertThat(find(NotificationBell.class).single().badge.getText()).isEqualTo("2");

        // and marking all read leaves SAN's unread for whoever may see it
        test(view.markAll).click();
        assertThat(find(NotificationBell.class).single().badge.isVisible()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_read WHERE username = 'head'").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void givenAUserWhenSubscribingThenBadInputIsRefusedAndTheSubscriptionIsListed() {
        // given
        MyAlertsView view = navigate(MyAlertsView.class);

        // when an address without a domain
        view.department.setValue(Subscription.ALL);
        view.email.setValue("maria");
        test(view.subscribe).click();

        // then
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(subscriptions.of("maria")).isEmpty();

        // when a proper one, in Spanish
        view.email.setValue("maria@city.example");
        view.language.setValue("es");
        test(view.subscribe).click();

        // then
        assertThat(subscriptions.of("maria")).singleElement().satisfies(s -> {
            assertThat(s.department()).isEqualTo("*");
            assertThat(s.language()).isEqualTo("es");
        });
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("All departments and the city");
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("Español");

        // when the same again
        view.department.setValue(Subscription.ALL);
        test(view.subscribe).click();

        // then
        assertThat(view.error.getText()).isEqualTo("You already get alerts for All departments and the city");
        assertThat(subscriptions.of("maria")).hasSize(1);

        // when removed
        test((Button) test(view.grid).getCellComponent(0, 3)).click();
        assertThat(subscriptions.of("maria")).isEmpty();
    }
}
