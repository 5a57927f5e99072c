package kz.aqparat.service.kafka;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * {@link KafkaClientProperties} from micronaut-kafka's own reading of {@code kafka.*}, so that the clients built
 * here and those micronaut-kafka builds (producers, Streams) see exactly the same settings.
 */
@Factory
public class KafkaClientFactory {

    @Singleton
    KafkaClientProperties kafkaClientProperties(KafkaDefaultConfiguration defaults) {
        return KafkaClientProperties.of(defaults.getConfig());
    }
}
