package io.civicpulse.dashboard.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code civicpulse.api}.
 *
 * @param defaultLimit the rows an answer holds when the request names no {@code limit}
 * @param maxLimit     the most rows one answer may hold; a larger {@code limit} is refused with a clear message
 */
@ConfigurationProperties("civicpulse.api")
record KpiApiProperties(@DefaultValue("1000") int defaultLimit, @DefaultValue("10000") int maxLimit) {
}
