package io.civicpulse.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicpulse.dashboard.public-url}: where people reach the dashboard, for the links in alert e-mails. Read
 * here, not only by the dashboard, because command-line runs send alerts too.
 */
@ConfigurationProperties("civicpulse.dashboard")
public record DashboardLink(@DefaultValue("http://localhost:8080") String publicUrl) {

    /** The public URL followed by {@code path} (which starts with a slash), with no doubled slash. */
    public String to(String path) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + path;
    }
}
