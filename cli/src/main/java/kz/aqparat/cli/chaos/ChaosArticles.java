package kz.aqparat.cli.chaos;

import java.nio.file.Path;
import kz.aqparat.cli.articles.ArticleStream;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.RawArticle;

/** The distinct articles of a chaos run (realistic Russian news made from the samples), and the id of each. */
final class ChaosArticles {

    private final ArticleStream stream;

    ChaosArticles(Path samples, String runId, long seed) {
        // Smaller than the bench's articles: the point is many distinct ones through the faults, not bytes.
        this.stream = new ArticleStream(samples, runId, seed, 3.0);
    }

    byte[] json(long i) {
        return stream.json(i);
    }

    /** The id ingest derives for article {@code i} (from its URL and text). */
    String id(long i) {
        RawArticle a = stream.article(i);
        return ArticleIds.of(a.url(), a.text());
    }
}
