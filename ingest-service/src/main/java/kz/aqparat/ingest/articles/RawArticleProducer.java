package kz.aqparat.ingest.articles;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.HashMap;
import java.util.Map;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.service.kafka.KafkaClientProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer for {@code articles.raw}: durable (acks=all, idempotent); {@code send} never blocks a request past
 * its {@code aqparat.ingest.send-timeout}, while delivery is retried for {@code aqparat.ingest.delivery-timeout}. Built here rather than taken
 * from micronaut-kafka, whose own {@code Producer} bean would compete with it for injection.
 */
final class RawArticleProducer {

    private RawArticleProducer() {
    }

    static Producer<String, RawArticle> create(KafkaClientProperties kafka, IngestConfiguration config,
                                               MeterRegistry registry) {
        return create(kafka, config, registry, "ingest-articles-raw");
    }

    /** With its own client id (a second producer of the service: each needs its own for its metrics). */
    static Producer<String, RawArticle> create(KafkaClientProperties kafka, IngestConfiguration config,
                                               MeterRegistry registry, String clientId) {
        long timeoutMs = config.getSendTimeout().toMillis();
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_RECORD_BYTES);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Articles are ~5 KB: the default 16 KB batch holds three, and the broker's cost is per batch and request.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // send() blocks at most max.block.ms for metadata or buffer space, so a request is answered within its
        // timeout. Delivery goes on longer than the answer waits: an idempotent producer's own retries cannot
        // double a record, whereas a client's retry after a given-up write could.
        int requestTimeoutMs = (int) (timeoutMs / 3);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs / 3);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) Math.max(config.getDeliveryTimeout().toMillis(), requestTimeoutMs + 5L));
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(kafka.producer(props), new StringSerializer(),
                new JsonSerde<>(RawArticle.class).serializer());
        new KafkaClientMetrics(producer).bindTo(registry);
        return producer;
    }
}
