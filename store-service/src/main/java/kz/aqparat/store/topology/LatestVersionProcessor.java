package kz.aqparat.store.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.ArticleVersion;
import kz.aqparat.contracts.Stores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, per article, the version the views count ({@link Stores#ARTICLE_VERSIONS}) and the partition's partial
 * views, and forwards the bytes of each accepted version (or a tombstone) to {@code articles.store}.
 *
 * <p>A version older than the stored one (by {@code enrichment.processedAt}; a missing time counts as oldest)
 * arrived out of order and is dropped, so the latest enrichment wins whatever the arrival order. An accepted version
 * moves each view from the previous version's contributions to its own: per view key, the difference is added to
 * the partial row, and a row left with no article is deleted. The same version again changes no row (it is still
 * forwarded, as it was received). A tombstone takes the stored version's contributions back.
 */
final class LatestVersionProcessor implements Processor<String, ReceivedArticle, String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(LatestVersionProcessor.class);

    private final ViewListener listener;
    private final List<BoundView<?>> views = new ArrayList<>();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, ArticleVersion> versions;

    LatestVersionProcessor(ViewListener listener) {
        this.listener = listener;
    }

    /** A view and this task's store of its partial rows. */
    private record BoundView<V>(PartialView<V> view, KeyValueStore<String, V> rows) {

        /** Applies the change from one version to the other; true when a row changed. */
        boolean apply(ArticleVersion previous, ArticleVersion latest) {
            Map<String, V> delta = view.delta(previous, latest);
            delta.forEach((key, change) -> {
                V current = rows.get(key);
                V next = current == null ? change : view.plus().apply(current, change);
                if (view.empty().test(next)) {
                    rows.delete(key);
                } else {
                    rows.put(key, next);
                }
            });
            return !delta.isEmpty();
        }
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.versions = context.getStateStore(Stores.ARTICLE_VERSIONS.name());
        for (PartialView<?> view : PartialView.ALL) {
            views.add(bind(view, context));
        }
    }

    private static <V> BoundView<V> bind(PartialView<V> view, ProcessorContext<?, ?> context) {
        return new BoundView<>(view, context.getStateStore(view.store().name()));
    }

    @Override
    public void process(Record<String, ReceivedArticle> record) {
        String id = record.key();
        if (id == null) {
            LOG.warn("dropping an enriched article without a key (article id)");
            return;
        }
        ArticleVersion previous = versions.get(id);
        ReceivedArticle received = record.value();
        if (received == null) {
            if (previous != null) {
                versions.delete(id);
                update(previous, null);
                context.forward(record.withValue(null));
                listener.articleChanged(id, null);
            }
            return;
        }
        ArticleVersion latest = Contributions.of(received.projection());
        if (previous != null && processedAt(latest).isBefore(processedAt(previous))) {
            LOG.info("dropping article {} processed at {}: a newer version processed at {} is already stored",
                    id, latest.processedAt(), previous.processedAt());
            return;
        }
        if (!latest.equals(previous)) {
            versions.put(id, latest);
            update(previous, latest);
        }
        context.forward(record.withValue(received.json()));
        listener.articleChanged(id, received.projection());
    }

    private void update(ArticleVersion previous, ArticleVersion latest) {
        for (BoundView<?> view : views) {
            if (view.apply(previous, latest)) {
                listener.viewChanged(view.view());
            }
        }
    }

    private static Instant processedAt(ArticleVersion version) {
        return version.processedAt() == null ? Instant.MIN : version.processedAt();
    }
}
