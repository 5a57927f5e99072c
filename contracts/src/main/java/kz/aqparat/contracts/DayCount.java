package kz.aqparat.contracts;

/**
 * A row of the timeline view: how many articles were published on a day ({@code YYYY-MM-DD}, or
 * {@link #UNKNOWN} when the article's publication date is unknown). Also one article's contribution to that row.
 * Keyed by {@link #day()}.
 */
public record DayCount(String day, long articleCount) {

    public static final String UNKNOWN = "unknown";
}
