package io.civicpulse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Shared by the batch command line and the dashboard. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CivicPulseProperties.class)
public class CivicPulseConfiguration {
}
