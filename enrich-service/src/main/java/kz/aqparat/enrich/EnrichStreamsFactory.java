package kz.aqparat.enrich;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import kz.aqparat.enrich.metrics.EnrichCounters;
import kz.aqparat.enrich.topology.EnrichTopology;
import kz.aqparat.enrich.topology.ExtractionEngine;
import kz.aqparat.extraction.ArticleExtractor;
import kz.aqparat.service.limits.StreamsRecordLimits;
import kz.aqparat.service.kafka.PipelineTopics;
import org.apache.kafka.streams.kstream.KStream;

/** Wires {@link EnrichTopology} into micronaut-kafka-streams' default Kafka Streams application. */
@Factory
public class EnrichStreamsFactory {

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
        return EnrichTopology.addTo(builder, ExtractionEngine.of(extractor), clock, counters);
    }
}
