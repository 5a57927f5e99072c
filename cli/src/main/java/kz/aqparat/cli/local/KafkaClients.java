package kz.aqparat.cli.local;

import java.util.Properties;
import kz.aqparat.cli.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The admin and consumer clients of the local stack's tooling ({@code up}, {@code chaos}, the local broker), with
 * the same settings as every other client of the CLI.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * The settings every client shares: the bootstrap servers and the connection settings of the {@code KAFKA_*}
     * variables ({@link KafkaClientSettings}), as for replay, dlq, status and bench, so that {@code up --bootstrap}
     * and chaos reach a secured cluster too.
     */
    public static Properties common(String bootstrapServers) {
        return KafkaClientSettings.forClient(bootstrapServers);
    }

    /** An admin client whose calls give up after {@code timeoutMs}. */
    public static Admin admin(String bootstrapServers, int timeoutMs) {
        Properties props = common(bootstrapServers);
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        return Admin.create(props);
    }

    /** A consumer without a group that reads only committed records (what a downstream reader sees). */
    public static KafkaConsumer<String, byte[]> committedReader(String bootstrapServers, String clientId) {
        Properties props = common(bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
