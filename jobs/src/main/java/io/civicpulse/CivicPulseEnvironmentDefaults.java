package io.civicpulse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults both applications share, at the lowest precedence so any property file, environment variable
 * or command-line option overrides them. The embedded database lives under {@code civicpulse.home}, which is
 * only known at start-up, so the URL is computed here rather than written in a property file.
 */
class CivicPulseEnvironmentDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "civicpulseDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path home = Path.of(environment.getProperty("civicpulse.home", "./data")).toAbsolutePath().normalize();
        Map<String, Object> defaults = new LinkedHashMap<>();
        // AUTO_SERVER lets the dashboard and the command line open the same embedded database at once.
        defaults.put("spring.datasource.url", "jdbc:h2:file:" + home.resolve("db/civicpulse") + ";AUTO_SERVER=TRUE");
        defaults.put("spring.datasource.username", "sa");
        defaults.put("spring.datasource.password", "");
        defaults.put("spring.flyway.locations", "classpath:db/migration/common,classpath:db/migration/{vendor}");
        defaults.put("spring.batch.jdbc.initialize-schema", "never");
        defaults.put("spring.batch.job.enabled", "false");
        defaults.put("spring.sql.init.mode", "never");
        defaults.put("logging.level.org.apache.spark", "WARN");
        defaults.put("logging.level.org.apache.hadoop", "WARN");
        defaults.put("logging.level.org.apache.parquet", "WARN");
        defaults.put("logging.level.org.sparkproject", "WARN");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
