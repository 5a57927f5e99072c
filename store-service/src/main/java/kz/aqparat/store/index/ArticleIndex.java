package kz.aqparat.store.index;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import kz.aqparat.store.query.StoreCluster;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads this instance's part of {@link Stores#ARTICLE_INDEX}: every article of a window (for the views, which add
 * them up), or the first ones of a window in index order, newest first (for lists, whose cost is their length).
 */
@Singleton
public class ArticleIndex {

    private final StoreCluster cluster;

    public ArticleIndex(StoreCluster cluster) {
        this.cluster = cluster;
    }

    /** Every article of the window on this instance, in no particular order. */
    public void forEach(Window window, Consumer<IndexedArticle> action) {
        ReadOnlyKeyValueStore<String, IndexedArticle> store = cluster.local(Stores.ARTICLE_INDEX);
        try (KeyValueIterator<String, IndexedArticle> range = store.range(window.startKey(), window.endKey())) {
            range.forEachRemaining(entry -> {
                if (entry.value != null && window.matches(entry.value)) {
                    action.accept(entry.value);
                }
            });
        }
    }

    /**
     * The first {@code limit} articles of the window after index key {@code after} (null: from its start) that
     * {@code filter} accepts, in index order, with their keys: the first ones of each partition, merged.
     */
    public List<KeyValue<String, IndexedArticle>> first(Window window, String after, int limit,
                                                        Predicate<IndexedArticle> filter) {
        String start = after != null && after.compareTo(window.startKey()) > 0 ? after : window.startKey();
        List<KeyValue<String, IndexedArticle>> found = new ArrayList<>();
        for (ReadOnlyKeyValueStore<String, IndexedArticle> partition :
                cluster.localPartitions(Stores.ARTICLE_INDEX, Topics.ARTICLES_ENRICHED.name())) {
            int taken = 0;
            try (KeyValueIterator<String, IndexedArticle> range = partition.range(start, window.endKey())) {
                while (taken < limit && range.hasNext()) {
                    KeyValue<String, IndexedArticle> entry = range.next();
                    if (entry.key.equals(after) || entry.value == null || !window.matches(entry.value)
                            || !filter.test(entry.value)) {
                        continue;
                    }
                    found.add(entry);
                    taken++;
                }
            }
        }
        found.sort(Comparator.comparing(entry -> entry.key));
        return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
    }
}
