package io.civicpulse.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

/** How an identity provider's claims become CivicPulse's roles and a department head's departments. */
class OidcAuthoritiesTests {

    private final OidcAuthorities mapping = new OidcAuthorities(
            new DashboardSecurityProperties.Oidc("groups", "depts", List.of()));

    @Test
    void givenAListClaimOfRolesAndDepartmentsThenTheyBecomeTheSameAuthoritiesAsAPasswordLogin() {
        List<GrantedAuthority> authorities = mapping.authorities(Map.of("groups",
                List.of("department_head", "staff"), "depts", List.of("SAN", "PRK")));

        assertThat(authorities).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_DEPARTMENT_HEAD", "DEPARTMENT:SAN", "DEPARTMENT:PRK");
        assertThat(Viewer.of("x", authorities).maySee("PRK")).isTrue();
        assertThat(Viewer.of("x", authorities).maySee("DOT")).isFalse();
    }

    @Test
    void givenAStringClaimThenItsValuesAreSplitAndDepartmentsApplyOnlyToDepartmentHeads() {
        assertThat(mapping.authorities(Map.of("groups", "LEADERSHIP, ANALYST", "depts", "SAN")))
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_LEADERSHIP", "ROLE_ANALYST");
    }

    @Test
    void givenNoKnownRoleThenTheLoginSeesNothingUnlessDefaultRolesAreConfigured() {
        assertThat(Viewer.of("x", mapping.authorities(Map.of("groups", List.of("staff")))).maySee(null)).isFalse();
        OidcAuthorities withDefault = new OidcAuthorities(
                new DashboardSecurityProperties.Oidc("groups", "depts", List.of("LEADERSHIP")));
        assertThat(withDefault.authorities(Map.of())).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_LEADERSHIP");
    }
}
