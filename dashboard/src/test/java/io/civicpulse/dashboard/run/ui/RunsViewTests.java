package io.civicpulse.dashboard.run.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;

import io.civicpulse.dashboard.TemporaryHome;

/** /runs for analysts, and closed to leadership. */
@SpringBootTest(properties = { "civicpulse.security.bootstrap-admin-password=test-only-password" })
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "ana", roles = "ANALYST")
class RunsViewTests extends SpringBrowserlessTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @BeforeEach
    void english() {
        UI.getCurrent().setLocale(Locale.US);
    }

    @Test
    void givenAnAnalystWhenStartingARunOfAFolderOutsideTheInputRootThenItIsRefusedInWords() {
        RunsView view = navigate(RunsView.class);
        test(view.folder).setValue("../../etc");
        view.startNow();
        assertThat(view.message.getText()).startsWith("The folder ../../etc is not inside ");
    }

    @Test
    @WithMockUser(username = "mayor", roles = "LEADERSHIP")
    void givenLeadershipWhenOpeningRunsThenItIsNotShown() {
        UI.getCurrent().navigate("runs");
        assertThat(getCurrentView()).isNotInstanceOf(RunsView.class);
    }
}
