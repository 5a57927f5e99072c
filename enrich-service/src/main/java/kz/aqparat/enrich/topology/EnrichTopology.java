package kz.aqparat.enrich.topology;

import java.time.Clock;
import java.util.Map;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Topics;
import kz.aqparat.extraction.ArticleExtractor;
import kz.aqparat.service.dlq.DeadLetter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrich-service topology: every raw article through the extraction engine.
 *
 * <ul>
 *   <li><b>Input:</b> {@code articles.raw} and {@code articles.replay} (records of {@code articles.raw} sent
 *       through again), read as bytes (key: article id, value: {@link kz.aqparat.contracts.RawArticle} JSON), so
 *       that no record can fail before the topology sees it. One sub-topology per topic (nodes {@code enrich.*}
 *       and {@code enrich.replay.*}). enrich-service runs each as a Kafka Streams application of its own
 *       ({@link #addTo(StreamsBuilder, EnrichInput, ExtractionEngine, Clock, EnrichListener)}; group
 *       {@code aqparat-enrich} for {@code articles.raw}, {@code aqparat-enrich-replay} for {@code articles.replay}),
 *       so that a replay's backlog neither waits in the same stream thread as new articles nor shares their
 *       consumer group, and can be paused on its own ({@code kz.aqparat.enrich.replay.ReplayYield});
 *       {@link #build} puts both in one topology for tests.</li>
 *   <li><b>Output:</b> {@code articles.enriched}, key = article id (String), value = {@link EnrichedArticle} JSON
 *       with {@code enrichment.version} = {@link ExtractionEngine#version()}, {@code enrichment.processedAt} from
 *       the given clock and {@code enrichment.sourceVersion}, the article's offset in {@code articles.raw}: the
 *       record's own offset, or for {@code articles.replay} its
 *       {@link kz.aqparat.contracts.RecordHeaders#SOURCE_OFFSET} header. Input headers are kept. A tombstone (null value) on {@code articles.raw} deletes the article: it is
 *       written to {@code articles.enriched} as a tombstone with header {@code aqparat.source.offset} = its
 *       offset.</li>
 *   <li><b>Dead letters:</b> {@code articles.dlq}, the original key, value and headers of a record that is not an
 *       article ({@link #STAGE_VALIDATE}: missing text, a value, headers or id larger than
 *       {@link RecordLimits} allows, a replayed record without a valid source offset header, a tombstone on
 *       {@code articles.replay} or one whose key is no article id), cannot be parsed ({@link #STAGE_DESERIALIZE}),
 *       makes the extractor fail ({@link #STAGE_EXTRACT}) or whose enriched JSON cannot be written ({@link #STAGE_SERIALIZE}), plus the
 *       {@link kz.aqparat.contracts.DlqHeaders} saying the stage, error and original topic/partition/offset; a
 *       key, value or headers too large for a dead letter are cut, and a header says so
 *       ({@link kz.aqparat.service.dlq.DeadLetter}). Processing goes on with the next record.</li>
 *   <li><b>Sizes:</b> what enrichment adds is bounded ({@code enrichment.truncated} says what was left out), so
 *       that every raw value of at most {@link RecordLimits#MAX_RAW_VALUE_BYTES} enriches to at most
 *       {@link RecordLimits#MAX_ENRICHED_VALUE_BYTES} and is written to {@code articles.enriched}.</li>
 *   <li><b>Stores:</b> none; the topology is stateless and creates no internal topics.</li>
 * </ul>
 *
 * Every node is named ({@code enrich.*}, {@code enrich.replay.*}) so that the topology description stays stable across code changes.
 */
public final class EnrichTopology {

    public static final String STAGE_DESERIALIZE = "enrich.deserialize";
    public static final String STAGE_VALIDATE = "enrich.validate";
    public static final String STAGE_EXTRACT = "enrich.extract";
    public static final String STAGE_SERIALIZE = "enrich.serialize";
    /** Value of the {@code dlq.service} header. */
    public static final String SERVICE = "enrich-service";

    private EnrichTopology() {
    }

    public static Topology build(ArticleExtractor extractor, Clock clock) {
        return build(ExtractionEngine.of(extractor), clock, EnrichListener.NONE);
    }

    public static Topology build(ExtractionEngine extractor, Clock clock, EnrichListener listener) {
        return build(extractor, clock, listener, RecordLimits.MAX_ENRICHED_VALUE_BYTES);
    }

    /** With another limit than {@link RecordLimits#MAX_ENRICHED_VALUE_BYTES}, to test the bounding on small texts. */
    static Topology build(ExtractionEngine extractor, Clock clock, EnrichListener listener, int maxEnrichedBytes) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, extractor, clock, listener, maxEnrichedBytes);
        return builder.build();
    }

    /**
     * Adds one input's sub-topology to a builder owned by a framework (one of micronaut-kafka-streams' builders:
     * each input is an application of its own in enrich-service).
     */
    public static KStream<byte[], byte[]> addTo(StreamsBuilder builder, EnrichInput input, ExtractionEngine extractor,
                                                Clock clock, EnrichListener listener) {
        return addInput(builder, input, extractor, clock, listener, RecordLimits.MAX_ENRICHED_VALUE_BYTES);
    }

    private static void addTo(StreamsBuilder builder, ExtractionEngine extractor, Clock clock,
                              EnrichListener listener, int maxEnrichedBytes) {
        for (EnrichInput input : EnrichInput.values()) {
            addInput(builder, input, extractor, clock, listener, maxEnrichedBytes);
        }
    }

    /**
     * One sub-topology per input, each with its own nodes and sinks (within one task, Streams would take the
     * records of both topics in timestamp order, every replayed record first).
     */
    private static KStream<byte[], byte[]> addInput(StreamsBuilder builder, EnrichInput input,
                                                    ExtractionEngine extractor, Clock clock,
                                                    EnrichListener listener, int maxEnrichedBytes) {
        KStream<byte[], byte[]> records = builder.stream(input.topic(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(input.node("source." + input.topic().replace('.', '-'))));

        Map<String, KStream<byte[], EnrichOutcome>> branches = records
                .processValues(() -> new EnrichProcessor(input, extractor, clock, listener, maxEnrichedBytes),
                        Named.as(input.node("process")))
                .split(Named.as(input.node("split-")))
                .branch((key, outcome) -> !(outcome instanceof EnrichOutcome.Failed), Branched.as("enriched"))
                .defaultBranch(Branched.as("failed"));

        branches.get(input.node("split-enriched"))
                .map((key, outcome) -> outcome instanceof EnrichOutcome.Enriched enriched
                        ? KeyValue.pair(enriched.id(), enriched.json())
                        : KeyValue.pair(((EnrichOutcome.Deleted) outcome).id(), (byte[]) null),
                        Named.as(input.node("key-by-article-id")))
                // The value is EnrichedArticle JSON, serialized (and size-checked) by EnrichProcessor, or null.
                .to(Topics.ARTICLES_ENRICHED.name(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName(input.node("sink.articles-enriched")));

        branches.get(input.node("split-failed"))
                .map((key, outcome) -> {
                    DeadLetter deadLetter = ((EnrichOutcome.Failed) outcome).deadLetter();
                    return KeyValue.pair(deadLetter.key(), deadLetter.value());
                }, Named.as(input.node("dead-letter")))
                .to(Topics.ARTICLES_DLQ.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(input.node("sink.articles-dlq")));
        return records;
    }
}
