package io.civicpulse.dashboard.chart;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where the page loads ECharts from. The build copies the library to {@code echarts/<version>/} (the version is
 * {@code echarts.version} in the root pom, and in the URL so browsers never use a stale cached copy); the version
 * is found on the classpath rather than repeated here, so an upgrade stays a change of the pom alone.
 */
public final class EchartsLibrary {

    private static final String PATTERN = "classpath*:META-INF/resources/echarts/*/dist/echarts.min.js";
    private static final Pattern VERSION = Pattern.compile("/echarts/([^/]+)/dist/echarts\\.min\\.js$");

    private static volatile String url;

    private EchartsLibrary() {
    }

    /** {@code context://echarts/<version>/dist/echarts.min.js}, for {@code Page.addJavaScript}. */
    public static String url() {
        String known = url;
        if (known == null) {
            known = "context://echarts/" + version() + "/dist/echarts.min.js";
            url = known;
        }
        return known;
    }

    public static String version() {
        Resource[] found;
        try {
            found = new PathMatchingResourcePatternResolver(EchartsLibrary.class.getClassLoader())
                    .getResources(PATTERN);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot look for ECharts on the classpath: " + e.getMessage(), e);
        }
        // A build directory can hold an old version next to the new one until it is cleaned; the newest wins.
        return Arrays.stream(found)
                .map(EchartsLibrary::versionOf)
                .filter(Objects::nonNull)
                .max(Comparator.comparing(EchartsLibrary::versionKey))
                .orElseThrow(() -> new IllegalStateException("ECharts is missing from the classpath ("
                        + PATTERN + "); the dashboard's build copies it there from the npm tarball"));
    }

    private static String versionOf(Resource resource) {
        try {
            Matcher matcher = VERSION.matcher(resource.getURL().toString());
            return matcher.find() ? matcher.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** "6.10.0" after "6.9.2": each numeric part padded so that text order is version order. */
    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("[.-]")) {
            key.append(part.chars().allMatch(Character::isDigit) ? "%010d".formatted(Long.parseLong(part)) : part)
                    .append('.');
        }
        return key.toString();
    }
}
