package io.civicpulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class CivicPulseEnvironmentDefaultsTests {

    @Test
    void theEmbeddedDatabaseFollowsTheHomeInForceWhenTheUrlIsRead() {
        // given the defaults, and a home set by a property source added afterwards (as tests and options do)
        StandardEnvironment environment = new StandardEnvironment();
        new CivicPulseEnvironmentDefaults().postProcessEnvironment(environment, null);
        environment.getPropertySources().addFirst(new MapPropertySource("later", Map.of("civicpulse.home", "/srv/cp")));

        // then
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:" + Path.of("/srv/cp/db/civicpulse") + ";AUTO_SERVER=TRUE");
    }

    @Test
    void aRelativeHomeBecomesAnAbsolutePathAndSpringBootCanBindTheEnvironment() {
        // given
        StandardEnvironment environment = new StandardEnvironment();
        new CivicPulseEnvironmentDefaults().postProcessEnvironment(environment, null);

        // when Spring Boot's binder walks every property source
        String url = Binder.get(environment).bind("spring.datasource.url", String.class).get();

        // then
        assertThat(url).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath());
    }
}
