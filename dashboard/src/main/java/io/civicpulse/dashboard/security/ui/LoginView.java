package io.civicpulse.dashboard.security.ui;

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

    LoginView(AuthenticationContext authenticationContext) {
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
        Div panel = new Div(intro, form);
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
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
