package io.civicpulse.dashboard.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;

import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.security.Account;
import io.civicpulse.dashboard.security.ApiTokens;
import io.civicpulse.dashboard.security.Role;
import io.civicpulse.dashboard.security.UserAccounts;
import io.civicpulse.dashboard.security.ui.UsersView.AccountEditor;

/** Administrators manage accounts, their roles, departments, passwords and API tokens; bad input saves nothing. */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "admin", roles = "ADMIN")
class UsersViewTests extends SpringBrowserlessTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsManager users;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;

    @BeforeEach
    void onlyTheAdmin() {
        UI.getCurrent().setLocale(Locale.US);
        jdbc.sql("DELETE FROM api_token").update();
        jdbc.sql("DELETE FROM user_department").update();
        jdbc.sql("DELETE FROM authorities WHERE username <> 'admin'").update();
        jdbc.sql("DELETE FROM users WHERE username <> 'admin'").update();
    }

    @Test
    void givenAnAdminWhenCreatingADepartmentHeadThenTheAccountLogsInWithItsRoleAndDepartments() {
        // given
        UsersView view = navigate(UsersView.class);
        view.create.click();
        AccountEditor editor = view.editor;

        // when
        editor.username.setValue("sanhead");
        editor.password.setValue("a long sanitation passphrase");
        editor.roles.setValue(Set.of(Role.DEPARTMENT_HEAD));
        editor.departments.setValue("SAN, PRK");
        editor.save.click();

        // then
        assertThat(editor.isOpened()).isFalse();
        assertThat(view.grid.getGenericDataView().getItems().map(Account::username).toList())
                .containsExactly("admin", "sanhead");
        UserDetails head = users.loadUserByUsername("sanhead");
        assertThat(head.getPassword()).startsWith("{argon2}");
        assertThat(passwordEncoder.matches("a long sanitation passphrase", head.getPassword())).isTrue();
        assertThat(head.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_DEPARTMENT_HEAD", "DEPARTMENT:PRK", "DEPARTMENT:SAN");
    }

    @Test
    void givenBadInputWhenCreatingAnAccountThenItSaysWhyAndSavesNothing() {
        UsersView view = navigate(UsersView.class);
        record Case(String username, String password, Set<Role> roles, String departments, String message) {
        }
        for (Case bad : List.of(
                new Case("x y", "a long enough password", Set.of(Role.ANALYST), "",
                        "A username is 1 to 50 letters, digits or . _ @ -."),
                new Case("admin", "a long enough password", Set.of(Role.ANALYST), "", "The account admin exists"),
                new Case("ana", "short", Set.of(Role.ANALYST), "", "A password needs at least 12 characters."),
                new Case("ana", "a long enough password", Set.of(), "", "An account needs at least one role."),
                new Case("ana", "a long enough password", Set.of(Role.DEPARTMENT_HEAD), "",
                        "A department head needs at least one department."),
                new Case("ana", "a long enough password", Set.of(Role.ANALYST), "SAN",
                        "Departments apply to the department head role only"),
                new Case("ana", "a long enough password", Set.of(Role.DEPARTMENT_HEAD), "SAN, D'OT",
                        "A department is a code"))) {
            // given
            view.create.click();
            AccountEditor editor = view.editor;
            editor.username.setValue(bad.username());
            editor.password.setValue(bad.password());
            editor.roles.setValue(bad.roles());
            editor.departments.setValue(bad.departments());

            // when
            editor.save.click();

            // then
            assertThat(editor.error.getText()).as(bad.toString()).startsWith(bad.message());
            assertThat(editor.isOpened()).isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM user_department").query(Long.class).single()).isZero();
            editor.close();
        }
    }

    @Test
    void givenSpanishWhenInputIsRefusedThenTheMessageIsSpanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es"));
        UsersView view = navigate(UsersView.class);
        view.create.click();
        view.editor.username.setValue("ana");
        view.editor.password.setValue("corta");
        view.editor.roles.setValue(Set.of(Role.ANALYST));

        view.editor.save.click();

        assertThat(view.editor.error.getText()).isEqualTo("Una contraseña necesita al menos 12 caracteres.");
    }

    @Test
    void givenAnAccountWhenEditingRolesDepartmentsAndDisablingItThenTheChangeIsStored() {
        // given
        accounts.create("dana", "a long enough password", Set.of(Role.DEPARTMENT_HEAD), List.of("SAN"));
        UsersView view = navigate(UsersView.class);
        view.edit(view.grid.getGenericDataView().getItems().filter(a -> a.username().equals("dana")).findFirst()
                .orElseThrow());
        AccountEditor editor = view.editor;
        assertThat(editor.departments.getValue()).isEqualTo("SAN");

        // when
        editor.roles.setValue(EnumSet.of(Role.DEPARTMENT_HEAD, Role.ANALYST));
        editor.departments.setValue("DOT");
        editor.enabled.setValue(false);
        editor.save.click();

        // then
        Account dana = accounts.list().stream().filter(a -> a.username().equals("dana")).findFirst().orElseThrow();
        assertThat(dana.roles()).containsExactlyInAnyOrder(Role.DEPARTMENT_HEAD, Role.ANALYST);
        assertThat(dana.departments()).containsExactly("DOT");
        assertThat(dana.enabled()).isFalse();
        assertThat(users.loadUserByUsername("dana").isEnabled()).isFalse();
    }

    @Test
    void givenTheOnlyAdminWhenRemovingItsAdminRoleOrDisablingItThenItIsRefused() {
        UsersView view = navigate(UsersView.class);
        view.edit(view.grid.getGenericDataView().getItems().findFirst().orElseThrow());
        view.editor.roles.setValue(Set.of(Role.ANALYST));
        view.editor.save.click();
        assertThat(view.editor.error.getText()).startsWith("The last enabled administrator cannot");

        view.editor.roles.setValue(Set.of(Role.ADMIN));
        view.editor.enabled.setValue(false);
        view.editor.save.click();
        assertThat(view.editor.error.getText()).startsWith("The last enabled administrator cannot");
        assertThat(users.loadUserByUsername("admin").isEnabled()).isTrue();
        assertThat(users.loadUserByUsername("admin").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void givenAnAccountWhenAnAdminSetsANewPasswordThenOnlyTheNewOneMatches() {
        accounts.create("ana", "the first long password", Set.of(Role.ANALYST), List.of());
        UsersView view = navigate(UsersView.class);
        view.edit(accounts.list().stream().filter(a -> a.username().equals("ana")).findFirst().orElseThrow());

        view.editor.newPassword.setValue("short");
        view.editor.resetPassword.click();
        assertThat(view.editor.error.getText()).isEqualTo("A password needs at least 12 characters.");
        view.editor.newPassword.setValue("the second long password");
        view.editor.resetPassword.click();

        String hash = users.loadUserByUsername("ana").getPassword();
        assertThat(passwordEncoder.matches("the second long password", hash)).isTrue();
        assertThat(passwordEncoder.matches("the first long password", hash)).isFalse();
    }

    @Test
    void givenAnAccountWhenAnAdminCreatesAnApiTokenThenItIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        // given
        accounts.create("robot", "a long enough password", Set.of(Role.ANALYST), List.of());
        UsersView view = navigate(UsersView.class);
        view.edit(accounts.list().stream().filter(a -> a.username().equals("robot")).findFirst().orElseThrow());
        AccountEditor editor = view.editor;

        // when
        editor.createToken.click();
        assertThat(editor.error.getText()).startsWith("A token needs a name");
        editor.tokenName.setValue("Open data portal");
        editor.createToken.click();

        // then
        String secret = editor.createdSecret.getValue();
        assertThat(secret).startsWith("cpk_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("SELECT token_hash FROM api_token").query(String.class).single())
                .as("only a hash is stored").isNotEqualTo(secret).hasSize(64);
        assertThat(tokens.authenticate(secret)).hasValue("robot");
        assertThat(editor.tokenGrid.getGenericDataView().getItems().toList()).singleElement()
                .satisfies(token -> assertThat(token.name()).isEqualTo("Open data portal"));

        // when revoked
        tokens.revoke(editor.tokenGrid.getGenericDataView().getItems().findFirst().orElseThrow().id());
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(tokens.authenticate("cpk_guessed")).isEmpty();
    }

    @Test
    @WithMockUser(username = "mayor", roles = "LEADERSHIP")
    void givenSomeoneWhoIsNotAnAdminWhenOpeningUsersOrCallingTheServiceThenTheyAreRefused() {
        UI.getCurrent().navigate("users");
        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
        assertThatThrownBy(() -> accounts.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.create("x", "a long enough password", Set.of(Role.ADMIN), List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.create("admin", "mine")).isInstanceOf(AccessDeniedException.class);
    }
}
