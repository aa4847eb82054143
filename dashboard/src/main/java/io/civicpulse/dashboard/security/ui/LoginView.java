package io.civicpulse.dashboard.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** Posts to Spring Security's form login; Vaadin's security configurer sends every anonymous visitor here. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · CivicPulse")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final transient AuthenticationContext authenticationContext;
    final LoginForm form = new LoginForm();

    LoginView(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
        addClassName("cp-login");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Log in");
        i18n.getErrorMessage().setTitle("Wrong user name or password");
        i18n.getErrorMessage().setMessage("Check them and try again. Ask your CivicPulse administrator if you "
                + "do not have an account.");
        form.setI18n(i18n);
        form.setAction("login");
        // There is no self-service reset: an administrator sets passwords.
        form.setForgotPasswordButtonVisible(false);

        H1 brand = new H1("CivicPulse");
        brand.addClassName("cp-login__brand");
        Paragraph tagline = new Paragraph("How the city serves its residents: contacts, cases and satisfaction, "
                + "measured every night.");
        tagline.addClassName("cp-login__tagline");

        Div intro = new Div(brand, tagline);
        intro.addClassName("cp-login__intro");
        Div panel = new Div(intro, form);
        panel.addClassName("cp-login__panel");
        add(panel);
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
