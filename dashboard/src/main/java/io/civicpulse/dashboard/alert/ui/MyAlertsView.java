package io.civicpulse.dashboard.alert.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.civicpulse.alert.AlertSubscriptions;
import io.civicpulse.alert.Subscription;
import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.dashboard.targets.KnownDepartments;

import jakarta.annotation.security.RolesAllowed;

/**
 * Each user's own alert e-mails: for which departments (or all), to which address, in which language. Alerts are
 * shown under Notifications either way. A department head chooses among their own departments (all of them: every
 * department they may see, and the city), and gets e-mail only for what they may see.
 */
@Route("my-alerts")
@Menu(title = "nav.myAlerts", order = 12, icon = "vaadin:envelope")
@RolesAllowed({ "LEADERSHIP", "DEPARTMENT_HEAD", "ANALYST", "ADMIN" })
public class MyAlertsView extends VerticalLayout {

    private final transient AlertSubscriptions subscriptions;
    private final String username;

    final Grid<Subscription> grid = new Grid<>();
    final ComboBox<String> department = new ComboBox<>();
    final EmailField email = new EmailField();
    final Select<String> language = new Select<>();
    final Button subscribe = new Button();
    final Paragraph error = new Paragraph();

    MyAlertsView(AlertSubscriptions subscriptions, KnownDepartments departments,
            AuthenticationContext authentication) {
        this.subscriptions = subscriptions;
        this.username = authentication.getPrincipalName().orElse("");
        addClassName("cp-my-alerts");
        setWidthFull();

        Paragraph intro = new Paragraph(getTranslation("myAlerts.intro"));
        intro.addClassName("cp-my-alerts__intro");

        grid.addClassName("cp-my-alerts__grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> departmentLabel(s.department())).setHeader(getTranslation("alerts.department"))
                .setAutoWidth(true);
        grid.addColumn(Subscription::email).setHeader(getTranslation("myAlerts.email")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("language." + s.language())).setHeader(getTranslation("myAlerts.language"))
                .setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Button remove = new Button(getTranslation("myAlerts.remove"), click -> {
                subscriptions.unsubscribe(username, s.id());
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setHeader(getTranslation("targets.actions")).setAutoWidth(true);

        List<String> choices = new ArrayList<>();
        choices.add(Subscription.ALL);
        choices.addAll(Viewer.current().visible(departments.all()));
        department.setLabel(getTranslation("alerts.department"));
        department.setItems(choices);
        department.setItemLabelGenerator(this::departmentLabel);
        // A department without results yet can be typed, within what the reader may see.
        department.setAllowCustomValue(true);
        department.addCustomValueSetListener(event -> {
            String code = event.getDetail().strip().toUpperCase(Locale.ROOT);
            if (Viewer.current().maySee(code)) {
                department.setValue(code);
            }
        });
        email.setLabel(getTranslation("myAlerts.email"));
        email.setErrorMessage(getTranslation("myAlerts.error.email"));
        language.setLabel(getTranslation("myAlerts.language"));
        language.setItems(Subscription.LANGUAGES);
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setValue(Subscription.LANGUAGES.contains(getLocale().getLanguage()) ? getLocale().getLanguage()
                : "en");
        subscribe.setText(getTranslation("myAlerts.subscribe"));
        subscribe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        subscribe.addClickListener(click -> subscribe());
        error.addClassName("cp-my-alerts__error");
        error.setVisible(false);
        HorizontalLayout form = new HorizontalLayout(department, email, language, subscribe);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        add(intro, new H2(getTranslation("myAlerts.current")), grid, new H2(getTranslation("myAlerts.add")), form,
                error);
        refresh();
    }

    private String departmentLabel(String code) {
        return Subscription.ALL.equals(code) ? getTranslation("myAlerts.allDepartments") : code;
    }

    /** Checks the fields in the reader's language, then subscribes; a refused subscription saves nothing. */
    void subscribe() {
        error.setVisible(false);
        department.setInvalid(false);
        String code = department.getValue();
        if (code == null || code.isBlank()) {
            department.setErrorMessage(getTranslation("myAlerts.error.department"));
            department.setInvalid(true);
            return;
        }
        if (!Viewer.current().maySee(code)) {
            department.setErrorMessage(getTranslation("myAlerts.error.department"));
            department.setInvalid(true);
            return;
        }
        String address = email.getValue() == null ? "" : email.getValue().strip();
        if (!address.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+")) {
            email.setInvalid(true);
            return;
        }
        if (subscriptions.of(username).stream().anyMatch(s -> s.department().equals(code))) {
            error.setText(getTranslation("myAlerts.error.already", departmentLabel(code)));
            error.setVisible(true);
            return;
        }
        try {
            subscriptions.subscribe(username, code, address, language.getValue());
        } catch (IllegalArgumentException e) {
            error.setText(getTranslation("targets.error.refused", e.getMessage()));
            error.setVisible(true);
            return;
        }
        department.clear();
        refresh();
    }

    void refresh() {
        grid.setItems(subscriptions.of(username));
    }
}
