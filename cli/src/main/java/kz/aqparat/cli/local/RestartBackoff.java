package kz.aqparat.cli.local;

import java.time.Duration;

/**
 * How long the {@link Supervisor} waits before it starts a process that died: {@code initial}, doubled after each
 * death up to {@code max}, and back to {@code initial} once the process had run for {@code stableAfter} before it
 * died (a process that crashes once a day is not in a crash loop). Not thread-safe: one per supervised process.
 */
public final class RestartBackoff {

    public static final Duration INITIAL = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofSeconds(30);
    public static final Duration STABLE_AFTER = Duration.ofSeconds(60);

    private final Duration initial;
    private final Duration max;
    private final Duration stableAfter;
    private int failures;

    public RestartBackoff(Duration initial, Duration max, Duration stableAfter) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.stableAfter = stableAfter;
    }

    /** 1 s doubling to 30 s, reset after 60 s of running. */
    public static RestartBackoff standard() {
        return new RestartBackoff(INITIAL, MAX, STABLE_AFTER);
    }

    /**
     * The delay before the next start, given how long the process ran this time; counts this death.
     *
     * @param uptime from its start to its death (a start that failed at once counts as zero)
     */
    public Duration next(Duration uptime) {
        if (uptime.compareTo(stableAfter) >= 0) {
            failures = 0;
        }
        Duration delay = initial;
        for (int i = 0; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        failures++;
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Deaths counted since the last reset. */
    public int failures() {
        return failures;
    }
}
