package io.civicpulse.dashboard.security.ui;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** Posts to Spring Security's form login; Vaadin's security configurer sends every anonymous visitor here. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AuthenticationContext authenticationContext;
    final LoginForm form = new LoginForm();

    final Div singleSignOn = new Div();

    LoginView(AuthenticationContext authenticationContext,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.authenticationContext = authenticationContext;
        addClassName("cp-login");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.errorTitle"));
        i18n.getErrorMessage().setMessage(getTranslation("login.errorMessage"));
        form.setI18n(i18n);
        form.setAction("login");
        // There is no self-service reset: an administrator sets passwords.
        form.setForgotPasswordButtonVisible(false);

        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("cp-login__brand");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("cp-login__tagline");

        Div intro = new Div(brand, tagline);
        intro.addClassName("cp-login__intro");
        singleSignOn.addClassName("cp-login__sso");
        // One link per configured OpenID Connect provider; Spring Security's endpoint starts its login.
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            for (Object registration : configured) {
                ClientRegistration client = (ClientRegistration) registration;
                Anchor link = new Anchor("oauth2/authorization/" + client.getRegistrationId(),
                        getTranslation("login.oidc", client.getClientName()));
                link.getElement().setAttribute("router-ignore", true);
                link.addClassName("cp-login__sso-link");
                singleSignOn.add(link);
            }
        }
        singleSignOn.setVisible(singleSignOn.getComponentCount() > 0);
        Div panel = new Div(intro, form, singleSignOn);
        panel.addClassName("cp-login__panel");
        add(panel);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.pageTitle", getTranslation("login.pageTitle"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("locked")) {
            // Too many failed logins (LoginThrottle): the form says so instead of "wrong password".
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle(getTranslation("login.title"));
            i18n.getForm().setUsername(getTranslation("login.username"));
            i18n.getForm().setPassword(getTranslation("login.password"));
            i18n.getForm().setSubmit(getTranslation("login.submit"));
            i18n.getErrorMessage().setTitle(getTranslation("login.lockedTitle"));
            i18n.getErrorMessage().setMessage(getTranslation("login.lockedMessage"));
            form.setI18n(i18n);
            form.setError(true);
            return;
        }
        form.setError(parameters.containsKey("error"));
    }
}
