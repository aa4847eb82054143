package io.civicpulse.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicpulse.alerts.*}: the sender of alert e-mails. The SMTP server is Spring Boot's {@code spring.mail.*};
 * without {@code spring.mail.host} alerts are only shown in the dashboard.
 */
@ConfigurationProperties("civicpulse.alerts")
public record AlertProperties(@DefaultValue("civicpulse@localhost") String from) {
}
