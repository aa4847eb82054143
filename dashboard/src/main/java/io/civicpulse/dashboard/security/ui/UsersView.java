package io.civicpulse.dashboard.security.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.dashboard.security.Account;
import io.civicpulse.dashboard.security.ApiTokens;
import io.civicpulse.dashboard.security.ApiTokens.Token;
import io.civicpulse.dashboard.security.InvalidAccountException;
import io.civicpulse.dashboard.security.Role;
import io.civicpulse.dashboard.security.UserAccounts;

import jakarta.annotation.security.RolesAllowed;

/**
 * User management for administrators: every account with its roles, a department head's departments and whether it
 * may log in; creating accounts, changing roles and departments, enabling and disabling, setting a new password, and
 * the account's API tokens. A refused change says why in the reader's language and saves nothing.
 */
@Route("users")
@Menu(title = "nav.users", order = 90, icon = "vaadin:users")
@RolesAllowed("ADMIN")
public class UsersView extends Main implements HasDynamicTitle {

    private final transient UserAccounts accounts;
    private final transient ApiTokens tokens;
    private final transient ZoneId zone;

    final Grid<Account> grid = new Grid<>();
    final Button create = new Button();
    AccountEditor editor;

    UsersView(UserAccounts accounts, ApiTokens tokens, CivicPulseProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.zone = properties.city().timeZone();
        addClassName("cp-users");

        grid.addClassName("cp-breakdown");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("users.title"));
        grid.addColumn(Account::username).setHeader(getTranslation("users.username")).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(this::rolesText).setHeader(getTranslation("users.roles")).setAutoWidth(true);
        grid.addColumn(account -> String.join(", ", new TreeSet<>(account.departments())))
                .setHeader(getTranslation("users.departments")).setAutoWidth(true);
        grid.addColumn(account -> getTranslation(account.enabled() ? "users.enabled" : "users.disabled"))
                .setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.addSelectionListener(event -> event.getFirstSelectedItem().ifPresent(this::edit));

        create.setText(getTranslation("users.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> edit(null));

        Paragraph hint = new Paragraph(getTranslation("users.hint"));
        hint.addClassName("cp-overview__scope");
        add(new Div(create), hint, grid);
        refresh();
    }

    void refresh() {
        grid.deselectAll();
        grid.setItems(accounts.list());
    }

    /** {@code null} creates a new account. */
    void edit(Account account) {
        editor = new AccountEditor(account);
        editor.open();
    }

    private String rolesText(Account account) {
        return account.roles().stream().sorted().map(role -> getTranslation("role." + role.name()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.pageTitle", getTranslation("nav.users"));
    }

    /** The dialog that creates or edits one account; it closes only when the change was saved. */
    class AccountEditor extends Dialog {

        final TextField username = new TextField(getTranslation("users.username"));
        final PasswordField password = new PasswordField(getTranslation("users.password"));
        final CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("users.roles"));
        final TextField departments = new TextField(getTranslation("users.departments"));
        final Checkbox enabled = new Checkbox(getTranslation("users.enabled"));
        final Span error = new Span();
        final Button save = new Button(getTranslation("users.save"));
        final PasswordField newPassword = new PasswordField(getTranslation("users.newPassword"));
        final Button resetPassword = new Button(getTranslation("users.resetPassword"));
        final TextField tokenName = new TextField(getTranslation("users.tokenName"));
        final Button createToken = new Button(getTranslation("users.createToken"));
        final TextField createdSecret = new TextField(getTranslation("users.tokenSecret"));
        final Grid<Token> tokenGrid = new Grid<>();
        private final Account account;

        AccountEditor(Account account) {
            this.account = account;
            addClassName("cp-users__editor");
            setHeaderTitle(account == null ? getTranslation("users.create")
                    : getTranslation("users.edit", account.username()));
            roles.setItems(Role.values());
            roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
            departments.setHelperText(getTranslation("users.departmentsHint"));
            password.setHelperText(getTranslation("users.passwordHint", UserAccounts.MIN_PASSWORD_LENGTH));
            error.addClassName("cp-users__error");
            error.getElement().setAttribute("role", "alert");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> save());
            Button cancel = new Button(getTranslation("users.cancel"), click -> close());

            VerticalLayout form = new VerticalLayout();
            form.setPadding(false);
            if (account == null) {
                enabled.setValue(true);
                form.add(username, password, roles, departments, error);
            } else {
                roles.setValue(account.roles().isEmpty() ? Set.of() : EnumSet.copyOf(account.roles()));
                departments.setValue(String.join(", ", new TreeSet<>(account.departments())));
                enabled.setValue(account.enabled());
                form.add(roles, departments, enabled, error, passwordSection(), tokenSection());
            }
            add(form);
            getFooter().add(cancel, save);
        }

        private Div passwordSection() {
            newPassword.setHelperText(getTranslation("users.passwordHint", UserAccounts.MIN_PASSWORD_LENGTH));
            resetPassword.addClickListener(click -> attempt(() -> {
                accounts.resetPassword(account.username(), newPassword.getValue());
                newPassword.clear();
                error.setText(getTranslation("users.passwordChanged"));
            }));
            return section("users.passwordTitle", new HorizontalLayout(newPassword, resetPassword));
        }

        private Div tokenSection() {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(getLocale()).withZone(zone);
            tokenGrid.setAllRowsVisible(true);
            tokenGrid.setAriaLabel(getTranslation("users.tokens"));
            tokenGrid.addColumn(Token::name).setHeader(getTranslation("users.tokenName")).setAutoWidth(true);
            tokenGrid.addColumn(token -> format.format(token.createdAt())).setHeader(getTranslation("users.created"))
                    .setAutoWidth(true);
            tokenGrid.addColumn(token -> token.lastUsedAt() == null ? getTranslation("users.never")
                    : format.format(token.lastUsedAt())).setHeader(getTranslation("users.lastUsed"))
                    .setAutoWidth(true);
            tokenGrid.addComponentColumn(token -> {
                if (token.revoked()) {
                    return new Span(getTranslation("users.revoked"));
                }
                Button revoke = new Button(getTranslation("users.revoke"), click -> {
                    tokens.revoke(token.id());
                    tokenGrid.setItems(tokens.list(account.username()));
                });
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                revoke.setAriaLabel(getTranslation("users.revokeNamed", token.name()));
                return revoke;
            }).setHeader(getTranslation("users.status"));
            tokenGrid.setItems(tokens.list(account.username()));
            createdSecret.setReadOnly(true);
            createdSecret.setVisible(false);
            createdSecret.setWidthFull();
            createdSecret.setHelperText(getTranslation("users.tokenShownOnce"));
            createToken.addClickListener(click -> attempt(() -> {
                ApiTokens.Created created = tokens.create(account.username(), tokenName.getValue());
                createdSecret.setValue(created.secret());
                createdSecret.setVisible(true);
                tokenName.clear();
                tokenGrid.setItems(tokens.list(account.username()));
            }));
            return section("users.tokens", new Paragraph(getTranslation("users.tokensHint")), tokenGrid,
                    new HorizontalLayout(tokenName, createToken), createdSecret);
        }

        private Div section(String titleKey, com.vaadin.flow.component.Component... content) {
            Div section = new Div(new H3(getTranslation(titleKey)));
            section.add(content);
            section.setWidthFull();
            return section;
        }

        void save() {
            attempt(() -> {
                List<String> codes = Arrays.stream(departments.getValue().split("[,\\s]+"))
                        .filter(code -> !code.isBlank()).toList();
                if (account == null) {
                    accounts.create(username.getValue(), password.getValue(), roles.getValue(), codes);
                } else {
                    accounts.update(account.username(), enabled.getValue(), roles.getValue(), codes);
                }
                close();
                refresh();
            });
        }

        private void attempt(Runnable change) {
            try {
                error.setText("");
                change.run();
            } catch (InvalidAccountException e) {
                error.setText(getTranslation(e.key(), e.arguments()));
            }
        }
    }
}
