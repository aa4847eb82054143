package io.civicpulse.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuEntry;

import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.i18n.Translations;
import io.civicpulse.dashboard.overview.ui.CityOverviewView;
import io.civicpulse.dashboard.security.ui.UsersView;

/** The frame around the views speaks the reader's language, and the reader can change it. */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "analyst", roles = "ADMIN")
class MainLayoutTests extends SpringBrowserlessTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @BeforeEach
    void english() {
        VaadinSession.getCurrent().setLocale(Locale.US);
    }

    @Test
    void theNavigationAndHeaderAreTranslated() {
        // when
        navigate(CityOverviewView.class);

        // then
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("City overview");
        assertThat(find(H1.class).withClassName("cp-header__title").single().getText()).isEqualTo("City overview");
        assertThat(find(Span.class).withClassName("cp-header__freshness").single().getText())
                .isEqualTo("No data published yet");
    }

    @Test
    void choosingSpanishTranslatesTheViewAndStaysForTheSession() {
        // given
        navigate(CityOverviewView.class);
        MainLayout layout = find(MainLayout.class).single();

        // when
        test(layout.language).selectItem("Español");

        // then
        assertThat(VaadinSession.getCurrent().getLocale().getLanguage()).isEqualTo("es");
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("es");
        assertThat(find(H1.class).withClassName("cp-header__title").single().getText())
                .isEqualTo("Resumen de la ciudad");
        assertThat(find(Span.class).withClassName("cp-header__freshness").single().getText())
                .isEqualTo("Aún no hay datos publicados");
        assertThat(find(MainLayout.class).single().language.getValue()).isEqualTo(Translations.SPANISH);

        // and when the reader comes back to the view, it is still in Spanish
        navigate(CityOverviewView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Resumen de la ciudad");
    }

    @Test
    void theMenuIsWorkedOutOncePerLoginAndFollowsWhoIsLoggedIn() {
        // given an administrator's menu
        navigate(CityOverviewView.class);
        List<MenuEntry> administrator = MainLayout.menuEntries();
        assertThat(administrator).extracting(MenuEntry::menuClass).contains(UsersView.class);

        // when the same login opens another page, the menu is the one already worked out
        navigate(CityOverviewView.class);
        assertThat(MainLayout.menuEntries()).isSameAs(administrator);

        // and when someone else is logged in to the session, theirs is worked out: a department head has no users view
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "head", "", List.of(new SimpleGrantedAuthority("ROLE_DEPARTMENT_HEAD"))));
            List<MenuEntry> head = MainLayout.menuEntries();
            assertThat(head).extracting(MenuEntry::menuClass).contains(CityOverviewView.class)
                    .doesNotContain(UsersView.class);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
        assertThat(MainLayout.menuEntries()).isEqualTo(administrator);
    }
}
