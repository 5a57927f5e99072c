package kz.aqparat.store.streams;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kz.aqparat.service.limits.StreamsRecordLimits;
import kz.aqparat.service.kafka.PipelineTopics;
import kz.aqparat.store.live.LiveUpdates;
import kz.aqparat.store.metrics.SkippedVersionCounters;
import kz.aqparat.store.topology.ReceivedArticle;
import kz.aqparat.store.topology.StoreTopology;
import org.apache.kafka.streams.kstream.KStream;

/** Wires {@link StoreTopology} into micronaut-kafka-streams' default Kafka Streams application. */
@Factory
public class StoreStreamsFactory {

    @Singleton
    @Named("default")
    KStream<String, ReceivedArticle> storeTopology(@Named("default") ConfiguredStreamBuilder builder,
                                                   LiveUpdates liveUpdates, SkippedVersionCounters skipped,
                                                   PipelineTopics topics) {
        // Streams fails on a missing source topic, so the topics exist before it starts.
        topics.ensureExist();
        // micronaut-kafka-streams creates the application from this configuration after this bean exists.
        StreamsRecordLimits.applyTo(builder.getConfiguration());
        // micronaut-kafka-streams builds the topology with the streams properties, so topology.optimization applies.
        return StoreTopology.addTo(builder, liveUpdates, skipped);
    }
}
