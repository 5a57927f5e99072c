package kz.aqparat.service.limits;

import java.util.Properties;
import kz.aqparat.contracts.RecordLimits;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Makes a Kafka Streams application's producer and internal topics (changelogs) take every record within
 * {@link RecordLimits}: {@code producer.max.request.size} and {@code topic.max.message.bytes} are
 * {@link RecordLimits#MAX_RECORD_BYTES}, as for the pipeline's own topics.
 */
public final class StreamsRecordLimits {

    private StreamsRecordLimits() {
    }

    public static void applyTo(Properties streamsConfig) {
        streamsConfig.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                Integer.toString(RecordLimits.MAX_RECORD_BYTES));
        streamsConfig.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
                Integer.toString(RecordLimits.MAX_RECORD_BYTES));
    }
}
