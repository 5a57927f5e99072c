package kz.aqparat.service.http;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code aqparat.http.*}: how many requests with a body, and how many body bytes, one instance holds at once
 * ({@code max-in-flight-requests}, {@code max-in-flight-bytes}), and the {@code Retry-After} of the 503 answered
 * above that ({@code retry-after-seconds}).
 */
@ConfigurationProperties("aqparat.http")
public class InFlightConfiguration {

    private int maxInFlightRequests = 32;
    private long maxInFlightBytes = 128L * 1024 * 1024;
    private int retryAfterSeconds = 1;

    public int getMaxInFlightRequests() {
        return maxInFlightRequests;
    }

    public void setMaxInFlightRequests(int maxInFlightRequests) {
        this.maxInFlightRequests = maxInFlightRequests;
    }

    public long getMaxInFlightBytes() {
        return maxInFlightBytes;
    }

    public void setMaxInFlightBytes(long maxInFlightBytes) {
        this.maxInFlightBytes = maxInFlightBytes;
    }

    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public void setRetryAfterSeconds(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
