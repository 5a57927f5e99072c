package kz.aqparat.extraction.dates;

import java.time.LocalDate;
import java.util.List;
import kz.aqparat.contracts.DateMention;

/** Dates stated in the text, resolved against the publication date when they lack a year. */
public final class DateExtractor {

    public static DateExtractor load() {
        return new DateExtractor();
    }

    public List<DateMention> extract(String text, LocalDate publicationDate) {
        // First version: nothing found yet; the engine is issue #3.
        return List.of();
    }
}
