package kz.aqparat.service.kafka;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a delete-policy topic keeps its records, as configured ({@code aqparat.topic.<topic>.retention}):
 * {@code forever} (or {@code -1}), a number with a unit ({@code 30d}, {@code 12h}, {@code 90m}, {@code 45s},
 * {@code 500ms}) or an ISO-8601 duration ({@code P30D}). {@link #millis()} is the topic's {@code retention.ms}.
 */
public record TopicRetention(long millis) {

    public static final TopicRetention FOREVER = new TopicRetention(-1);
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    public TopicRetention {
        if (millis < -1 || millis == 0) {
            throw new IllegalArgumentException("a retention is -1 (forever) or a positive number of ms, was " + millis);
        }
    }

    public static TopicRetention of(Duration duration) {
        return new TopicRetention(duration.toMillis());
    }

    public static TopicRetention parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("forever") || s.equals("-1")) {
            return FOREVER;
        }
        try {
            Matcher m = WITH_UNIT.matcher(s);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return of(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
            if (s.startsWith("p")) {
                return of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            }
            return new TopicRetention(Long.parseLong(s));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a retention: '" + text + "' (use forever, 30d, 12h, P30D or ms)", e);
        }
    }

    public boolean isForever() {
        return millis == -1;
    }

    /** At least as long as {@code other}: forever is longer than any time. */
    public boolean atLeast(TopicRetention other) {
        return isForever() || (!other.isForever() && millis >= other.millis);
    }

    @Override
    public String toString() {
        if (isForever()) {
            return "forever";
        }
        Duration d = Duration.ofMillis(millis);
        if (d.toMillis() % Duration.ofDays(1).toMillis() == 0) {
            return d.toDays() + "d";
        }
        if (d.toMillis() % Duration.ofHours(1).toMillis() == 0) {
            return d.toHours() + "h";
        }
        return millis + "ms";
    }
}
