package io.civicpulse.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The web dashboard. It scans all of {@code io.civicpulse} so the repositories and run services of the jobs module
 * are beans here too, but never {@code io.civicpulse.cli}: that package holds the batch command line's runner, which
 * would otherwise execute a command at every dashboard start.
 * <p>
 * Styles load at run time through {@code @StyleSheet} (served from {@code META-INF/resources}) rather than through
 * a bundled theme, so the build keeps Vaadin's pre-compiled production bundle and needs no Node.js.
 */
@SpringBootApplication(scanBasePackages = "io.civicpulse")
// Declared directly, this scan replaces the one @SpringBootApplication carries, so it repeats Boot's two filters.
@ComponentScan(basePackages = "io.civicpulse", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.civicpulse\\.cli\\..*") })
@EnableConfigurationProperties(DashboardProperties.class)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class CivicPulseDashboardApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(CivicPulseDashboardApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("CivicPulse");
        settings.addMetaTag("description", "Service performance and resident satisfaction for the city");
    }
}
