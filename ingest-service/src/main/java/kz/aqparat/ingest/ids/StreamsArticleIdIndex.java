package kz.aqparat.ingest.ids;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.aqparat.contracts.ArticleIdVersions;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.streams.LeaveGroupOnShutdown;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The id index of {@link ArticleIdTopology} in a running Kafka Streams application: lookups in the global store
 * {@link Stores#ARTICLE_IDS}, progress from {@link IndexProgress}.
 *
 * <p>Ready once Kafka Streams is RUNNING (its global store restored up to the end of {@code articles.ids}) and,
 * for every partition of {@code articles.raw}, the store holds the last record the partition had when the service
 * started: so a "new" answer can be trusted for everything written before the start, even a record that an
 * instance wrote just before it stopped and whose index record was not yet written.
 */
public final class StreamsArticleIdIndex implements ArticleIdIndex, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsArticleIdIndex.class);

    private final KafkaStreams streams;
    private final IndexProgress progress;
    /** Per raw partition, the offset of its last record at start (absent: it was empty). */
    private final Map<Integer, Long> lastAtStart;
    private volatile ReadOnlyKeyValueStore<String, ArticleIdVersions> store;
    private volatile boolean ready;

    public StreamsArticleIdIndex(KafkaStreams streams, IndexProgress progress, Map<Integer, Long> lastAtStart) {
        this.streams = streams;
        this.progress = progress;
        this.lastAtStart = Map.copyOf(lastAtStart);
    }

    /** Per partition of {@code articles.raw}, the offset of its last record now (empty partitions left out). */
    public static Map<Integer, Long> lastRawOffsets(KafkaClientProperties kafka) {
        try (Admin admin = Admin.create(kafka.admin(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-raw-end")))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.ARTICLES_RAW.name()))
                    .allTopicNames().get(60, TimeUnit.SECONDS).get(Topics.ARTICLES_RAW.name()).partitions().stream()
                    .map(p -> new TopicPartition(Topics.ARTICLES_RAW.name(), p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(60, TimeUnit.SECONDS);
            Map<Integer, Long> last = new HashMap<>();
            ends.forEach((partition, end) -> {
                if (end.offset() > 0) {
                    last.put(partition.partition(), end.offset() - 1);
                }
            });
            return last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end of " + Topics.ARTICLES_RAW.name(), e);
        } catch (Exception e) {
            throw new IllegalStateException(kafka.explain(e), e);
        }
    }

    @Override
    public ArticleIdVersions get(String id) {
        if (id.startsWith(ArticleIdsGlobalUpdater.PARTITION_PREFIX)) {
            return null;
        }
        try {
            return store().get(id);
        } catch (InvalidStateStoreException e) {
            store = null;
            throw new IndexUnavailable("the article id index is not readable now (Kafka Streams "
                    + streams.state() + ")", e);
        }
    }

    private ReadOnlyKeyValueStore<String, ArticleIdVersions> store() {
        ReadOnlyKeyValueStore<String, ArticleIdVersions> current = store;
        if (current == null) {
            current = streams.store(StoreQueryParameters.fromNameAndType(Stores.ARTICLE_IDS.name(),
                    QueryableStoreTypes.<String, ArticleIdVersions>keyValueStore()));
            store = current;
        }
        return current;
    }

    @Override
    public long readUpTo(int partition) {
        return progress.readUpTo(partition);
    }

    @Override
    public boolean isReady() {
        if (ready) {
            return streams.state() != KafkaStreams.State.ERROR && streams.state() != KafkaStreams.State.NOT_RUNNING;
        }
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        for (Map.Entry<Integer, Long> last : lastAtStart.entrySet()) {
            if (progress.readUpTo(last.getKey()) < last.getValue()) {
                return false;
            }
        }
        ready = true;
        LOG.info("article id index ready with {} ids", progress.ids());
        return true;
    }

    @Override
    public Throwable failure() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                ? new IllegalStateException("the Kafka Streams application of the id index is " + state) : null;
    }

    @Override
    public long size() {
        return progress.ids();
    }

    /**
     * Stops the application and leaves its group, so that an instance started right after (a restart, a rolling
     * upgrade) gets the partitions at once: Kafka Streams does not leave on an ordinary close, and the group then
     * waits for the old member's session to time out before it assigns anything.
     */
    @Override
    public void close() {
        LeaveGroupOnShutdown.close(streams, Duration.ofSeconds(30));
    }
}
