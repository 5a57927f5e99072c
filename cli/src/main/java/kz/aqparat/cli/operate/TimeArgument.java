package kz.aqparat.cli.operate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time given on the command line: an ISO-8601 instant ({@code 2026-01-01T06:00:00Z}), a date-time with an offset
 * ({@code 2026-01-01T11:00+05:00}), a date-time without one (UTC), or a date (UTC). A date as a lower bound is the
 * start of that day; as an upper bound it is the start of the next day, so {@code --to 2026-01-31} includes the 31st.
 */
public final class TimeArgument {

    private TimeArgument() {
    }

    /** The first instant included by {@code --from T} / {@code --since T}. */
    public static Instant start(String text) {
        LocalDate date = dateOnly(text);
        return date != null ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : instant(text);
    }

    /** The first instant no longer included by {@code --to T}. */
    public static Instant end(String text) {
        LocalDate date = dateOnly(text);
        return date != null ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : instant(text);
    }

    private static LocalDate dateOnly(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // not an instant with Z; try the other forms
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // no offset
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 time: '" + text
                    + "' (e.g. 2026-01-01, 2026-01-01T06:00:00Z or 2026-01-01T11:00+05:00)");
        }
    }
}
