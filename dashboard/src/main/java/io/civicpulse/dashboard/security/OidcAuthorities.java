package io.civicpulse.dashboard.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on: turns an OpenID Connect login into CivicPulse's roles and a department head's departments, read
 * from two configurable claims of the ID token or user info ({@code civicpulse.security.oidc.roles-claim}, default
 * {@code roles}; {@code departments-claim}, default {@code departments}). A claim may be a list or a string of
 * values separated by commas or spaces; unknown roles are ignored, and a person with no known role sees nothing
 * (unless {@code default-roles} says otherwise). The account lives at the identity provider, not in {@code users}.
 */
class OidcAuthorities implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;
    private final DashboardSecurityProperties.Oidc settings;

    OidcAuthorities(DashboardSecurityProperties.Oidc settings) {
        this(new OidcUserService(), settings);
    }

    OidcAuthorities(OAuth2UserService<OidcUserRequest, OidcUser> delegate, DashboardSecurityProperties.Oidc settings) {
        this.delegate = delegate;
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Map<String, Object> claims = user.getClaims();
        String nameClaim = claims.containsKey("preferred_username") ? "preferred_username" : "sub";
        return new DefaultOidcUser(authorities(claims), user.getIdToken(), user.getUserInfo(), nameClaim);
    }

    /** The roles and departments the claims grant, as the authorities a password login would have. */
    List<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<String> roles = values(claims.get(settings.rolesClaim()));
        if (roles.isEmpty()) {
            roles.addAll(settings.defaultRoles());
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(value -> Role.ofAuthority(value.trim().toUpperCase(java.util.Locale.ROOT))
                .ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority()))));
        boolean head = authorities.stream().anyMatch(a -> a.getAuthority().equals(Role.DEPARTMENT_HEAD.authority()));
        if (head) {
            values(claims.get(settings.departmentsClaim())).forEach(department -> authorities
                    .add(new SimpleGrantedAuthority(Viewer.DEPARTMENT_AUTHORITY_PREFIX + department)));
        }
        return authorities;
    }

    private static Set<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(value -> add(values, String.valueOf(value)));
        } else if (claim != null) {
            for (String value : String.valueOf(claim).split("[,\\s]+")) {
                add(values, value);
            }
        }
        return values;
    }

    private static void add(Set<String> values, String value) {
        if (!value.isBlank()) {
            values.add(value.trim());
        }
    }
}
