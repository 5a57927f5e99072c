package kz.aqparat.store.topology;

import java.time.Instant;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Stores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest version of each article in {@link Stores#ARTICLES_BY_ID} and forwards each accepted version as
 * an {@link ArticleChange} from the version it replaces. A version older than the stored one (by
 * {@code enrichment.processedAt}; a missing time counts as oldest) arrived out of order and is dropped, so the
 * latest enrichment wins whatever the arrival order. The same version again is accepted: it changes nothing
 * downstream, where every contribution is an upsert.
 */
final class LatestVersionProcessor implements Processor<String, EnrichedArticle, String, ArticleChange> {

    private static final Logger LOG = LoggerFactory.getLogger(LatestVersionProcessor.class);

    private ProcessorContext<String, ArticleChange> context;
    private KeyValueStore<String, EnrichedArticle> articles;

    @Override
    public void init(ProcessorContext<String, ArticleChange> context) {
        this.context = context;
        this.articles = context.getStateStore(Stores.ARTICLES_BY_ID.name());
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String id = record.key();
        if (id == null) {
            LOG.warn("dropping an enriched article without a key (article id)");
            return;
        }
        EnrichedArticle previous = articles.get(id);
        EnrichedArticle latest = record.value();
        if (latest == null) {
            if (previous != null) {
                articles.delete(id);
                context.forward(record.withValue(new ArticleChange(previous, null)));
            }
            return;
        }
        if (previous != null && processedAt(latest).isBefore(processedAt(previous))) {
            LOG.info("dropping article {} processed at {}: a newer version processed at {} is already stored",
                    id, processedAt(latest), processedAt(previous));
            return;
        }
        articles.put(id, latest);
        context.forward(record.withValue(new ArticleChange(previous, latest)));
    }

    static Instant processedAt(EnrichedArticle article) {
        if (article.enrichment() == null || article.enrichment().processedAt() == null) {
            return Instant.MIN;
        }
        return article.enrichment().processedAt();
    }
}
