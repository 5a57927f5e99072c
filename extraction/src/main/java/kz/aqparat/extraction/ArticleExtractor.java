package kz.aqparat.extraction;

import java.time.LocalDate;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.extraction.dates.DateExtractor;
import kz.aqparat.extraction.entities.EntityExtractor;
import kz.aqparat.extraction.statistics.StatisticExtractor;
import kz.aqparat.extraction.text.Tokens;

/**
 * The extraction engine's entry point: persons, organisations, locations, regions, dates and statistics of one
 * article. Thread-safe; load once (dictionaries take a moment) and share.
 */
public final class ArticleExtractor {

    /** Changes whenever what the engine finds may change, so that operators can tell re-enriched articles. */
    public static final String VERSION = "0.4.2";

    private final EntityExtractor entities;
    private final StatisticExtractor statistics;
    private final DateExtractor dates;

    private ArticleExtractor(EntityExtractor entities, StatisticExtractor statistics, DateExtractor dates) {
        this.entities = entities;
        this.statistics = statistics;
        this.dates = dates;
    }

    public static ArticleExtractor load() {
        return new ArticleExtractor(EntityExtractor.load(), StatisticExtractor.load(), DateExtractor.load());
    }

    public String version() {
        return VERSION;
    }

    /**
     * @param text            the article's text; every offset in the result indexes into it
     * @param publicationDate resolves dates without a year; null if unknown
     */
    public Extraction extract(String text, LocalDate publicationDate) {
        EntityExtractor.Result found = entities.extract(text);
        Tokens tokens = Tokens.of(text);
        return new Extraction(found.entities(), found.regions(), statistics.extract(tokens),
                dates.extract(tokens, publicationDate));
    }
}
