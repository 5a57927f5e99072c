package kz.aqparat.store.index;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.store.topology.IndexKey;

/**
 * The common filters of the views and the search: publication days {@code from}..{@code to} (inclusive, either
 * open), a region the article concerns and its source. Without days the articles of unknown publication day are in
 * the window too; with either bound they are not.
 */
public record Window(LocalDate from, LocalDate to, String region, String source) {

    public static final Window ALL = new Window(null, null, null, null);

    /** The window of the query parameters; 400 for a date that is not yyyy-MM-dd or {@code from} after {@code to}. */
    public static Window of(String from, String to, String region, String source) {
        LocalDate start = day("from", from);
        LocalDate end = day("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw badRequest("from (" + start + ") is after to (" + end + ")");
        }
        return new Window(start, end, blankToNull(region), blankToNull(source));
    }

    public static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be a date like 2026-02-20, was " + value);
        }
    }

    public boolean unbounded() {
        return from == null && to == null;
    }

    /** Whether only the days limit it: then every article of the key range is in it. */
    public boolean daysOnly() {
        return region == null && source == null;
    }

    public boolean filtered() {
        return !unbounded() || !daysOnly();
    }

    public Window withDays(LocalDate newFrom, LocalDate newTo) {
        return new Window(newFrom, newTo, region, source);
    }

    /** The first index key of the window. */
    public String startKey() {
        return IndexKey.startOf(to);
    }

    /** A key after the window's last index key. */
    public String endKey() {
        return IndexKey.endOf(from, unbounded());
    }

    public boolean matches(IndexedArticle article) {
        return (source == null || source.equals(article.source()))
                && (region == null || article.allRegions().contains(region));
    }

    static HttpStatusException badRequest(String detail) {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
