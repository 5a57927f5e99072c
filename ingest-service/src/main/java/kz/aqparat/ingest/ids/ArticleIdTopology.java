package kz.aqparat.ingest.ids;

import java.util.Optional;
import java.util.Set;
import kz.aqparat.contracts.ArticleIdVersions;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The ingest-service topology: the index of the article ids and versions in {@code articles.raw}, so that an
 * article pushed twice is stored once, kept on disk and restored from small records rather than from the articles.
 *
 * <ul>
 *   <li><b>Input:</b> {@code articles.raw}, key = article id (String); the value is never parsed, only whether
 *       there is one (a tombstone is a delete); the version is the record header
 *       {@value kz.aqparat.contracts.RecordHeaders#TEXT_FINGERPRINT}. Node {@code ingest-ids.raw-source}.</li>
 *   <li><b>Indexer</b> ({@link ArticleIdIndexer}, node {@code ingest-ids.indexer}), per partition of
 *       {@code articles.raw} (a task per partition, spread over the ingest instances by Kafka's group
 *       assignment): adds the record's version to the versions of its id in the task store
 *       {@link Stores#ARTICLE_ID_VERSIONS} (RocksDB, changelog {@code <application.id>-ingest-article-id-versions-changelog},
 *       the only internal topic) and writes the id's versions after this record.</li>
 *   <li><b>Output:</b> {@code articles.ids} (compacted), key = article id, value = {@link ArticleIdVersions} JSON
 *       (the versions, the raw partition and offset, the number of ids of that partition), one record per raw
 *       record, to the <em>same partition number</em> as the raw record (node {@code ingest-ids.ids-sink}), so
 *       that each partition of {@code articles.ids} follows its raw partition in order. A raw record without key
 *       is written under key {@code ""} with no versions: it only moves the partition's offset on.</li>
 *   <li><b>Global store</b> {@link Stores#ARTICLE_IDS} (RocksDB, no changelog: {@code articles.ids} is its
 *       source), the whole index on every instance, fed by {@link ArticleIdsGlobalUpdater} (nodes
 *       {@code ingest-ids.global-updater-source} and {@code ingest-ids.global-updater}), which also keeps, per raw partition,
 *       the offset up to which the store holds everything ({@link IndexProgress}): what the readiness and the
 *       settling of uncertain writes ask.</li>
 * </ul>
 *
 * <p>Run with {@code exactly_once_v2}: a task that lost its partition (a zombie) cannot write an older list of
 * versions after the new owner wrote a newer one.
 */
public final class ArticleIdTopology {

    public static final String RAW_SOURCE = "ingest-ids.raw-source";
    public static final String INDEXER = "ingest-ids.indexer";
    public static final String IDS_SINK = "ingest-ids.ids-sink";
    public static final String GLOBAL_UPDATER = "ingest-ids.global-updater";
    /** Kafka Streams names a global store's source after its processor. */
    public static final String IDS_SOURCE = GLOBAL_UPDATER + "-source";

    /** Reads only whether a raw record has a value: the article itself is never copied. */
    static final Serde<Boolean> PRESENCE = Serdes.serdeFrom(
            (topic, present) -> {
                throw new UnsupportedOperationException("the indexer never writes articles.raw");
            },
            (Deserializer<Boolean>) (topic, data) -> data == null ? null : Boolean.TRUE);

    private ArticleIdTopology() {
    }

    public static Topology build(IndexProgress progress) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, progress);
        return builder.build();
    }

    /** Adds the topology to a builder owned by a framework (micronaut-kafka-streams' default builder). */
    public static KStream<String, ArticleIdVersions> addTo(StreamsBuilder builder, IndexProgress progress) {
        Serde<ArticleIdVersions> versions = new JsonSerde<>(ArticleIdVersions.class);
        builder.addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.ARTICLE_ID_VERSIONS.name()),
                Serdes.String(), versions));
        KStream<String, ArticleIdVersions> ids = builder
                .stream(Topics.ARTICLES_RAW.name(), Consumed.with(Serdes.String(), PRESENCE).withName(RAW_SOURCE))
                .process(ArticleIdIndexer::new, Named.as(INDEXER), Stores.ARTICLE_ID_VERSIONS.name());
        ids.to(Topics.ARTICLE_IDS.name(), Produced.with(Serdes.String(), versions)
                .withStreamPartitioner(samePartitionAsRaw())
                .withName(IDS_SINK));
        builder.addGlobalStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.ARTICLE_IDS.name()),
                                Serdes.String(), versions)
                        .withLoggingDisabled(),
                Topics.ARTICLE_IDS.name(),
                Consumed.with(Serdes.String(), versions).withName(GLOBAL_UPDATER),
                () -> new ArticleIdsGlobalUpdater(progress));
        return ids;
    }

    /**
     * The partition of {@code articles.raw} the record came from, not the key's hash: a record a tool wrote to a
     * chosen raw partition still moves that partition's offset on.
     */
    static StreamPartitioner<String, ArticleIdVersions> samePartitionAsRaw() {
        return (topic, key, value, partitions) -> Optional.of(Set.of(value.partition() % partitions));
    }
}
