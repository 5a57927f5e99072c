package kz.aqparat.enrich.topology;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The publication date the extractor resolves year-less dates against. */
final class PublicationDates {

    private PublicationDates() {
    }

    /**
     * @return the date of an ISO-8601 date ("2026-02-18") or date-time ("2026-02-18T10:15:00+05:00",
     *     "2026-02-18T10:15:00"), as written (no time-zone conversion); null for anything else
     */
    static LocalDate parse(String publishedAt) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return null;
        }
        String s = publishedAt.strip();
        try {
            return DateTimeFormatter.ISO_DATE_TIME.parse(s, LocalDate::from);
        } catch (DateTimeParseException notADateTime) {
            try {
                return DateTimeFormatter.ISO_DATE.parse(s, LocalDate::from);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
