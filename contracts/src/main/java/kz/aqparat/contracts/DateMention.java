package kz.aqparat.contracts;

/**
 * A date the article states, resolved to ISO-8601 ("12 февраля" against the publication year).
 *
 * @param date  ISO-8601 date (or date-time when a time is given)
 * @param kind  PUBLICATION for the feed header or heading, MENTIONED otherwise
 */
public record DateMention(String date, String kind, String text, int start, int end) {
    public static final String PUBLICATION = "PUBLICATION";
    public static final String MENTIONED = "MENTIONED";
}
