package kz.aqparat.ingest.ids;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kz.aqparat.contracts.ArticleIdVersions;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.kafka.PipelineTopics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.kstream.KStream;

/** Wires {@link ArticleIdTopology} into micronaut-kafka-streams' default Kafka Streams application. */
@Factory
public class IdIndexFactory {

    @Singleton
    IndexProgress indexProgress() {
        return new IndexProgress();
    }

    /** micronaut-kafka-streams builds and starts the application after this bean exists. */
    @Singleton
    KStream<String, ArticleIdVersions> articleIdStream(@Named("default") ConfiguredStreamBuilder builder,
                                                       IndexProgress progress, PipelineTopics topics) {
        // Streams fails on a missing source topic, so the topics must exist before it starts.
        topics.ensureExist();
        return ArticleIdTopology.addTo(builder, progress);
    }

    @Singleton
    @Bean(preDestroy = "close")
    StreamsArticleIdIndex articleIdIndex(KafkaStreams streams, IndexProgress progress, KafkaClientProperties kafka) {
        return new StreamsArticleIdIndex(streams, progress, StreamsArticleIdIndex.lastRawOffsets(kafka));
    }
}
