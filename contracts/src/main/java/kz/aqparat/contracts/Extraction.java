package kz.aqparat.contracts;

import java.util.List;

/** What the extraction engine found in one text; offsets index into that text. */
public record Extraction(
        List<Entity> entities,
        List<String> regions,
        List<Statistic> statistics,
        List<DateMention> dates) {

    public Extraction {
        entities = entities == null ? List.of() : List.copyOf(entities);
        regions = regions == null ? List.of() : List.copyOf(regions);
        statistics = statistics == null ? List.of() : List.copyOf(statistics);
        dates = dates == null ? List.of() : List.copyOf(dates);
    }
}
