package io.civicpulse.dashboard.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.alert.AlertStore;
import io.civicpulse.dashboard.alert.ui.NotificationBell;
import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.dashboard.i18n.Translations;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.Publication;

import jakarta.annotation.security.PermitAll;

/**
 * The frame around every view: navigation, the view's title, how fresh the data is, and who is logged in.
 * The navigation lists the views annotated with {@code @Menu} that the user may open, so a new view only needs
 * that annotation to appear.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient KpiResultRepository results;
    private final transient CivicPulseProperties properties;
    private final transient AuthenticationContext authenticationContext;

    private final H1 viewTitle = new H1();
    final Span freshness = new Span();
    final Select<Locale> language = new Select<>();
    final NotificationBell bell;

    MainLayout(KpiResultRepository results, CivicPulseProperties properties,
            AuthenticationContext authenticationContext, AlertStore alerts) {
        this.bell = new NotificationBell(alerts, Viewer.current());
        this.results = results;
        this.properties = properties;
        this.authenticationContext = authenticationContext;
        addClassName("cp-app");
        // The header spans the full width, so the product's name stays in sight when the drawer is closed.
        setPrimarySection(Section.NAVBAR);
        addToNavbar(header());
        addToDrawer(navigation(), about());
    }

    private Component brand() {
        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("cp-brand");
        return brand;
    }

    private Component about() {
        Span about = new Span(getTranslation("app.about"));
        about.addClassName("cp-drawer__about");
        return about;
    }

    private Component navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("cp-nav");
        nav.setLabel(getTranslation("layout.nav"));
        for (MenuEntry entry : menuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private Component header() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.drawerToggle"));
        viewTitle.addClassName("cp-header__title");

        freshness.addClassName("cp-header__freshness");
        Span user = new Span(authenticationContext.getPrincipalName().orElse(""));
        user.addClassName("cp-header__user");
        user.getElement().setAttribute("title", getTranslation("layout.loggedInAs", user.getText()));
        Icon userIcon = VaadinIcon.USER.create();
        userIcon.getElement().setAttribute("aria-hidden", "true");
        Button logout = new Button(getTranslation("layout.logout"), VaadinIcon.SIGN_OUT.create(),
                click -> authenticationContext.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div account = new Div(userIcon, user, logout);
        account.addClassName("cp-header__account");

        Header header = new Header(toggle, brand(), viewTitle, freshness, bell, languageSwitch(), account);
        header.addClassName("cp-header");
        return header;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(title(getContent()));
        freshness.setText(freshnessText(results.latestPublication()));
        bell.refresh();
    }

    /**
     * The language of every view, for the whole session (every tab), chosen from the languages the translation
     * files provide. The first visit takes the browser's language; a choice here overrides it until logout.
     */
    private Component languageSwitch() {
        language.setAriaLabel(getTranslation("layout.language"));
        language.setTooltipText(getTranslation("layout.language"));
        language.addClassName("cp-header__language");
        language.setItems(Translations.LOCALES);
        language.setItemLabelGenerator(locale -> getTranslation("language." + locale.getLanguage()));
        language.setValue(Translations.LOCALES.stream()
                .filter(locale -> locale.getLanguage().equals(getLocale().getLanguage()))
                .findFirst()
                .orElse(Translations.ENGLISH));
        language.addValueChangeListener(event -> switchTo(event.getValue()));
        return language;
    }

    private void switchTo(Locale locale) {
        if (locale == null || locale.getLanguage().equals(getLocale().getLanguage())) {
            return;
        }
        // The session's locale applies to all of its UIs; rebuilding the route re-creates the layout and the view
        // with the new texts while keeping the address (and so every filter) as it is.
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setLocale(locale);
        }
        getUI().ifPresent(ui -> {
            ui.setLocale(locale);
            ui.refreshCurrentRoute(true);
        });
    }

    private String title(Component view) {
        if (view == null) {
            return "";
        }
        return menuEntries().stream()
                .filter(entry -> view.getClass().equals(entry.menuClass()))
                .map(entry -> getTranslation(entry.title()))
                .findFirst()
                .or(() -> MenuConfiguration.getPageHeader(view))
                .orElse("");
    }

    /** The menu entries a session's user may open, worked out once per login (see {@link #menuEntries()}). */
    private record SessionMenu(Authentication authentication, List<MenuEntry> entries) implements Serializable {
    }

    /**
     * The views the logged-in user may open. Vaadin works them out by running the access check of every route,
     * and each check looks Spring Security's role prefix up through Vaadin's {@code Lookup}, which, for a class that
     * is not one of its own defaults, searches every jar of the application for a service file (333 jars with
     * Spark): a sixth of the server CPU of every page load (27.9 ms a view in the request threads, 23.1 ms without).
     * The answer depends only on who is logged in, so it is kept in the session next to the authentication it was
     * worked out for, and worked out again when that changes. Navigation itself is still checked on every request
     * ({@code NavigationAccessControl}).
     */
    static List<MenuEntry> menuEntries() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return MenuConfiguration.getMenuEntries();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        SessionMenu menu = session.getAttribute(SessionMenu.class);
        if (menu == null || !Objects.equals(menu.authentication(), authentication)) {
            menu = new SessionMenu(authentication, List.copyOf(MenuConfiguration.getMenuEntries()));
            session.setAttribute(SessionMenu.class, menu);
        }
        return menu.entries();
    }

    /** "Data as of Tue 18 Aug 2026, 2:15 AM EDT, run 17", in the city's time zone wherever the viewer is. */
    private String freshnessText(Optional<Publication> publication) {
        return publication
                .map(p -> getTranslation("layout.freshness", PeriodFormat.of(getLocale())
                        .dateTime(p.publishedAt(), properties.city().timeZone()), p.jobExecutionId()))
                .orElse(getTranslation("layout.noData"));
    }
}
