package kz.aqparat.store.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.Stores;

/**
 * The keys of {@link Stores#ARTICLE_INDEX}: {@code <day>|<received>|<id>}, where {@code <day>} is 99999999 minus the
 * publication day as yyyyMMdd (8 digits, so that newer days sort first; {@code ~} for an unknown day, after every
 * known one) and {@code <received>} is {@link Long#MAX_VALUE} minus the receipt time in epoch milliseconds (19
 * digits; an unknown one sorts last). So a key range is a range of publication days, and a scan in key order lists
 * articles newest first: by publication day, then by receipt.
 */
public final class IndexKey {

    private static final String UNKNOWN_DAY = "~";

    private IndexKey() {
    }

    public static String of(String day, Instant receivedAt, String id) {
        long received = receivedAt == null ? 0 : Math.max(0, receivedAt.toEpochMilli());
        return dayPart(day) + '|' + String.format("%019d", Long.MAX_VALUE - received) + '|' + id;
    }

    /** The first key of the days up to {@code to} (inclusive), or of every day when null. */
    public static String startOf(LocalDate to) {
        return to == null ? "" : dayPart(to.toString()) + '|';
    }

    /**
     * A key after every key of the days from {@code from} on (inclusive); when null, after every key of a known day
     * ({@code includeUnknown} false) or after every key ({@code includeUnknown} true).
     */
    public static String endOf(LocalDate from, boolean includeUnknown) {
        if (from != null) {
            return dayPart(from.toString()) + '}';
        }
        return includeUnknown ? UNKNOWN_DAY + '}' : UNKNOWN_DAY;
    }

    private static String dayPart(String day) {
        if (day == null || DayCount.UNKNOWN.equals(day) || day.length() != 10) {
            return UNKNOWN_DAY;
        }
        int yyyymmdd = Integer.parseInt(day.substring(0, 4) + day.substring(5, 7) + day.substring(8, 10));
        return String.format("%08d", 99_999_999 - yyyymmdd);
    }

    /** A key as an opaque cursor. */
    public static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key of a cursor; {@link IllegalArgumentException} when it is not one. */
    public static String fromCursor(String cursor) {
        String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!key.matches("(\\d{8}|~)\\|\\d{19}\\|.+")) {
            throw new IllegalArgumentException("not a cursor of GET /api/articles: " + cursor);
        }
        return key;
    }
}
