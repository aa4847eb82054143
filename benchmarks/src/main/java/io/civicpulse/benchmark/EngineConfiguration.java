package io.civicpulse.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.KpiParameters;

/**
 * The SQL engines' configuration, read the way the batch command line reads its own: the same
 * {@code --civicpulse.*} arguments and YAML file bound to {@link CivicPulseProperties}, then checked by
 * {@link KpiParameters#of}. So the three engines of a comparison cannot be configured differently by accident;
 * only the KPI values are computed independently.
 */
final class EngineConfiguration {

    private EngineConfiguration() {
    }

    /**
     * @param yaml a configuration file such as {@code config/application.yml}, or null
     * @param arguments command-line arguments; those of the form {@code --civicpulse.x=y} override the file
     */
    static KpiParameters parameters(Path yaml, List<String> arguments, LocalDate from, LocalDate to) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (argument.startsWith("--civicpulse.") && equals > 0) {
                overrides.put(argument.substring(2, equals), argument.substring(equals + 1));
            }
        }
        sources.add(new MapConfigurationPropertySource(overrides));
        if (yaml != null) {
            try {
                List<PropertySource<?>> file = new YamlPropertySourceLoader().load(yaml.toString(),
                        new FileSystemResource(yaml));
                ConfigurationPropertySources.from(file).forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + yaml, e);
            }
        }
        CivicPulseProperties properties = new Binder(sources).bindOrCreate("civicpulse", CivicPulseProperties.class);
        return KpiParameters.of(properties, from, to);
    }
}
