package kz.aqparat.enrich;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import kz.aqparat.enrich.metrics.EnrichCounters;
import kz.aqparat.enrich.replay.ReplayOffsetsHandover;
import kz.aqparat.enrich.topology.EnrichInput;
import kz.aqparat.enrich.topology.EnrichTopology;
import kz.aqparat.enrich.topology.ExtractionEngine;
import kz.aqparat.extraction.ArticleExtractor;
import kz.aqparat.service.limits.StreamsRecordLimits;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.kafka.PipelineTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

/**
 * Wires {@link EnrichTopology} into two Kafka Streams applications of micronaut-kafka-streams: {@code default}
 * (application id {@code aqparat-enrich}) enriches {@code articles.raw}, {@code replay} (the same id +
 * {@code -replay}) enriches {@code articles.replay}, so that {@link kz.aqparat.enrich.replay.ReplayYield} can pause a
 * replay without holding up new articles. The replay application gets every setting of the default one that it does
 * not set itself, so that both are configured in one place.
 */
@Factory
public class EnrichStreamsFactory {

    /** The name of the replay application's configuration, {@code kafka.streams.replay}. */
    public static final String REPLAY = "replay";

    @Singleton
    ArticleExtractor articleExtractor() {
        return ArticleExtractor.load();
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** micronaut-kafka-streams builds and starts the application after this bean exists. */
    @Singleton
    KStream<byte[], byte[]> enrichStream(@Named("default") ConfiguredStreamBuilder builder,
                                         ArticleExtractor extractor, Clock clock, EnrichCounters counters,
                                         PipelineTopics topics) {
        // Streams fails on a missing source topic, so the topics must exist before it starts.
        topics.ensureExist();
        // micronaut-kafka-streams creates the application from this configuration after this bean exists.
        StreamsRecordLimits.applyTo(builder.getConfiguration());
        return EnrichTopology.addTo(builder, EnrichInput.RAW, ExtractionEngine.of(extractor), clock, counters);
    }

    @Singleton
    @Named(REPLAY)
    KStream<byte[], byte[]> replayStream(@Named(REPLAY) ConfiguredStreamBuilder replay,
                                         @Named("default") ConfiguredStreamBuilder live,
                                         ArticleExtractor extractor, Clock clock, EnrichCounters counters,
                                         PipelineTopics topics, KafkaClientProperties kafka) {
        topics.ensureExist();
        Properties own = replay.getConfiguration();
        live.getConfiguration().forEach(own::putIfAbsent);
        try (Admin admin = Admin.create(kafka.admin(Map.of(AdminClientConfig.CLIENT_ID_CONFIG,
                "enrich-replay-handover")))) {
            ReplayOffsetsHandover.run(admin, live.getConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                    own.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), Duration.ofSeconds(10));
        }
        StreamsRecordLimits.applyTo(own);
        return EnrichTopology.addTo(replay, EnrichInput.REPLAY, ExtractionEngine.of(extractor), clock, counters);
    }
}
