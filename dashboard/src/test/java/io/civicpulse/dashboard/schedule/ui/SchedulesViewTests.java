package io.civicpulse.dashboard.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;

import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.schedule.RunSchedules;

/** /schedules for analysts, and closed to leadership. */
@SpringBootTest(properties = { "civicpulse.security.bootstrap-admin-password=test-only-password",
        "spring.quartz.scheduler-name=SchedulesViewTests" })
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "ana", roles = "ANALYST")
class SchedulesViewTests extends SpringBrowserlessTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @Autowired
    RunSchedules schedules;

    @BeforeEach
    void english() throws Exception {
        UI.getCurrent().setLocale(Locale.US);
        Files.createDirectories(home.resolve("inbox/nightly"));
        schedules.list().forEach(s -> schedules.delete(s.id()));
    }

    @Test
    void givenAnAnalystWhenTheyTypeABadCronAndThenAGoodOneThenTheFormExplainsAndSavesOnlyTheGoodOne() {
        SchedulesView view = navigate(SchedulesView.class);

        // when a bad expression is saved
        test(view.name).setValue("Nightly");
        test(view.folder).setValue("nightly");
        test(view.cron).setValue("0 0 25 * * ?");
        test(view.save).click();

        // then
        assertThat(view.problem.getText()).isEqualTo(
                "\"0 0 25 * * ?\" is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week).");
        assertThat(schedules.list()).isEmpty();

        // when an unknown folder is saved
        test(view.cron).setValue("0 30 2 * * ?");
        test(view.folder).setValue("nowhere");
        test(view.save).click();
        assertThat(view.problem.getText()).isEqualTo("There is no folder nowhere.");
        assertThat(schedules.list()).isEmpty();

        // when it is right
        test(view.folder).setValue("nightly");
        view.showPreview();
        assertThat(view.preview.getText()).startsWith("at 02:30").contains("Next: ");
        test(view.save).click();

        // then
        assertThat(schedules.list()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Nightly");
            assertThat(s.createdBy()).isEqualTo("ana");
        });
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("at 02:30");
    }

    @Test
    @WithMockUser(username = "mayor", roles = "LEADERSHIP")
    void givenLeadershipWhenOpeningSchedulesThenItIsNotShown() {
        UI.getCurrent().navigate("schedules");
        assertThat(getCurrentView()).isNotInstanceOf(SchedulesView.class);
    }
}
