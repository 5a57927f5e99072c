package kz.aqparat.enrich.topology;

import java.time.LocalDate;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.extraction.ArticleExtractor;

/** The extraction engine as the topology uses it; {@link #of(ArticleExtractor)} in production. */
public interface ExtractionEngine {

    /** Written to {@code enrichment.version}. */
    String version();

    Extraction extract(String text, LocalDate publicationDate);

    static ExtractionEngine of(ArticleExtractor extractor) {
        return new ExtractionEngine() {
            @Override
            public String version() {
                return extractor.version();
            }

            @Override
            public Extraction extract(String text, LocalDate publicationDate) {
                return extractor.extract(text, publicationDate);
            }
        };
    }
}
