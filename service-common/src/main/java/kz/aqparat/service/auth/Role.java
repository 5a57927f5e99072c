package kz.aqparat.service.auth;

import java.util.Locale;

/** What a key may do; each role includes the ones before it. */
public enum Role {
    /** Reads views, articles and the dashboard (only needed when read keys are configured). */
    READER,
    /** Also pushes articles. */
    WRITER,
    /** Also deletes, replays and redrives, and sees health details and metrics. */
    OPERATOR;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name.trim() + "'; the roles are reader, writer, operator");
        }
    }
}
