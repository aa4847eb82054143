package io.civicpulse.dashboard.targets.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.targets.TargetChange;
import io.civicpulse.targets.TargetKey;
import io.civicpulse.targets.TargetStore;

/** The goals in force, their changes and the audit trail, read by everyone allowed and edited by administrators. */
@SpringBootTest(properties = { "civicpulse.security.bootstrap-admin-password=test-only-password",
        "civicpulse.kpi.targets[0].kpi=ON_TIME_RATE", "civicpulse.kpi.targets[0].value=0.85",
        "civicpulse.kpi.targets[0].weight=2",
        "civicpulse.kpi.targets[1].kpi=CSAT_MEAN", "civicpulse.kpi.targets[1].value=4",
        "civicpulse.kpi.targets[1].department=SAN" })
@ViewPackages(packages = "io.civicpulse.dashboard")
class TargetsViewTests extends SpringBrowserlessTest {

    static final TargetKey ON_TIME = new TargetKey(Kpi.ON_TIME_RATE, null, null);
    static final TargetKey SAN_CSAT = new TargetKey(Kpi.CSAT_MEAN, "SAN", null);

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TargetStore store;

    @BeforeEach
    void emptyHistory() {
        UI.getCurrent().setLocale(Locale.US);
        jdbc.sql("DELETE FROM kpi_target").update();
        jdbc.sql("DELETE FROM kpi_target_seed").update();
    }

    @Test
    @WithMockUser(username = "alice", roles = "ADMIN")
    void givenAnEmptyHistoryWhenOpenedThenTheConfiguredGoalsAreInForceFromTheStart() {
        // when
        TargetsView view = navigate(TargetsView.class);

        // then
        assertThat(test(view.current).size()).isEqualTo(2);
        assertThat(test(view.current).getCellText(0, 0)).isEqualTo("Closed on time");
        assertThat(test(view.current).getCellText(0, 1)).isEqualTo("All");
        assertThat(test(view.current).getCellText(0, 3)).isEqualTo("85.0%");
        assertThat(test(view.current).getCellText(0, 5)).isEqualTo("The start");
        assertThat(test(view.history).size()).isEqualTo(2);
        assertThat(test(view.history).getCellText(0, 6)).isEqualTo("From the configuration file");
        assertThat(view.historyTitle.getText()).isEqualTo("Every change");
        assertThat(view.add.isVisible()).isTrue();
    }

    @Test
    @WithMockUser(username = "alice", roles = "ADMIN")
    void givenAnAdministratorWhenAGoalIsChangedWithABadValueThenNothingIsSavedAndTheFieldSaysWhy() {
        // given
        TargetsView view = navigate(TargetsView.class);
        test(test(view.current).getCellComponent(0, 7).getChildren()
                .filter(c -> c instanceof Button b && b.getText().equals("Change…")).map(Button.class::cast)
                .findFirst().orElseThrow()).click();
        roundTrip();
        TargetDialog dialog = view.dialog;
        assertThat(dialog.value.getValue()).isEqualTo(0.85);

        // when a share above 1 and no reason
        dialog.value.setValue(85.0);
        dialog.reason.clear();
        test(dialog.save).click();

        // then
        assertThat(dialog.value.isInvalid()).isTrue();
        assertThat(dialog.value.getErrorMessage()).isEqualTo("The goal must be from 0 to 1");
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Say why the goal changes");
        assertThat(store.changes()).hasSize(2);
    }

    @Test
    @WithMockUser(username = "alice", roles = "ADMIN")
    void givenAnAdministratorWhenAGoalIsChangedFromAFutureDateThenItIsUpcomingAndAudited() {
        // given
        TargetsView view = navigate(TargetsView.class);
        LocalDate nextMonth = view.today().plusMonths(1).withDayOfMonth(1);
        test(view.current).select(0);
        test(test(view.current).getCellComponent(0, 7).getChildren()
                .filter(c -> c instanceof Button b && b.getText().equals("Change…")).map(Button.class::cast)
                .findFirst().orElseThrow()).click();
        roundTrip();
        TargetDialog dialog = view.dialog;

        // when
        dialog.value.setValue(0.9);
        dialog.weight.setValue(1.5);
        dialog.effectiveFrom.setValue(nextMonth);
        dialog.reason.setValue("Council resolution 12/2026");
        test(dialog.save).click();

        // then
        assertThat(dialog.isOpened()).isFalse();
        List<TargetChange> changes = store.changes(ON_TIME);
        assertThat(changes).hasSize(2);
        TargetChange change = changes.get(1);
        assertThat(change.value()).isEqualTo(0.9);
        assertThat(change.oldValue()).isEqualTo(0.85);
        assertThat(change.changedBy()).isEqualTo("alice");
        assertThat(test(view.current).getCellText(0, 3)).as("still in force today").isEqualTo("85.0%");
        assertThat(test(view.current).getCellText(0, 6)).startsWith("90.0% from ");
        assertThat(view.historyTitle.getText()).isEqualTo("Changes of Closed on time");
        assertThat(test(view.history).size()).isEqualTo(2);
        assertThat(test(view.history).getCellText(0, 1)).isEqualTo("alice");
        assertThat(test(view.history).getCellText(0, 4)).isEqualTo("85.0% (weight 2)");
        assertThat(test(view.history).getCellText(0, 5)).isEqualTo("90.0% (weight 1.5)");
        assertThat(test(view.history).getCellText(0, 6)).isEqualTo("Council resolution 12/2026");
    }

    @Test
    @WithMockUser(username = "alice", roles = "ADMIN")
    void givenAnAdministratorWhenAGoalIsEndedThenItIsNoLongerInForce() {
        // given
        TargetsView view = navigate(TargetsView.class);
        test(test(view.current).getCellComponent(1, 7).getChildren()
                .filter(c -> c instanceof Button b && b.getText().equals("End goal")).map(Button.class::cast)
                .findFirst().orElseThrow()).click();
        roundTrip();

        // when
        view.dialog.reason.setValue("Survey paused");
        test(view.dialog.save).click();

        // then
        assertThat(store.changes(SAN_CSAT)).extracting(TargetChange::ended).containsExactly(false, true);
        assertThat(test(view.current).size()).isEqualTo(1);
        assertThat(test(view.history).getCellText(0, 5)).isEqualTo("Ended");
    }

    @Test
    @WithMockUser(username = "ana", roles = "ANALYST")
    void givenAnAnalystWhenOpenedThenGoalsAndHistoryReadButNothingCanBeChanged() {
        // when
        TargetsView view = navigate(TargetsView.class);

        // then
        assertThat(view.add.isVisible()).isFalse();
        assertThat(test(view.current).getCellComponent(0, 7).getChildren().map(c -> ((Button) c).getText()).toList())
                .containsExactly("History");
        test((Button) test(view.current).getCellComponent(0, 7).getChildren().findFirst().orElseThrow()).click();
        assertThat(view.historyTitle.getText()).isEqualTo("Changes of Closed on time");
        assertThat(test(view.history).size()).isEqualTo(1);
    }
}
