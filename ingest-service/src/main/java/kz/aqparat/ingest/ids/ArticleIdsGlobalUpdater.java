package kz.aqparat.ingest.ids;

import kz.aqparat.contracts.ArticleIdVersions;
import kz.aqparat.contracts.Stores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code articles.ids} into the global store {@link Stores#ARTICLE_IDS}, on every instance. Besides the ids, the
 * store keeps one entry per raw partition ({@link #PARTITION_PREFIX} + partition) holding the latest record of that
 * partition: up to which raw offset the store is complete, and how many ids the partition has. It is on disk with
 * the ids, so that after a restart from a warm state directory the service knows it without re-reading anything;
 * {@link IndexProgress} has it in memory for the requests. Kafka Streams also passes the records through this
 * processor while it restores the store.
 */
final class ArticleIdsGlobalUpdater implements Processor<String, ArticleIdVersions, Void, Void> {

    /** Keys of the per-partition entries; no article id starts with U+0000. */
    static final String PARTITION_PREFIX = "\u0000partition-";

    private final IndexProgress progress;
    private KeyValueStore<String, ArticleIdVersions> store;

    ArticleIdsGlobalUpdater(IndexProgress progress) {
        this.progress = progress;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(Stores.ARTICLE_IDS.name());
        try (KeyValueIterator<String, ArticleIdVersions> partitions =
                     store.prefixScan(PARTITION_PREFIX, Serdes.String().serializer())) {
            while (partitions.hasNext()) {
                KeyValue<String, ArticleIdVersions> entry = partitions.next();
                progress.advance(entry.value.partition(), entry.value.offset(), entry.value.idsInPartition());
            }
        }
    }

    @Override
    public void process(Record<String, ArticleIdVersions> record) {
        ArticleIdVersions value = record.value();
        if (value == null || record.key() == null) {
            return; // nothing but the indexer writes articles.ids, and it writes neither
        }
        if (!record.key().isEmpty() && !value.versions().isEmpty() && !record.key().startsWith(PARTITION_PREFIX)) {
            store.put(record.key(), value);
        }
        store.put(PARTITION_PREFIX + value.partition(), value);
        progress.advance(value.partition(), value.offset(), value.idsInPartition());
    }
}
