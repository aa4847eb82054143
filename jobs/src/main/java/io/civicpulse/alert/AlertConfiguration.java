package io.civicpulse.alert;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AlertProperties.class, DashboardLink.class })
class AlertConfiguration {
}
