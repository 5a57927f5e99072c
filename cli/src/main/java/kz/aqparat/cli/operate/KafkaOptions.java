package kz.aqparat.cli.operate;

import java.util.Properties;
import kz.aqparat.cli.kafka.KafkaClientSettings;
import kz.aqparat.contracts.RecordLimits;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/**
 * The Kafka connection of an operator command ({@code replay}, {@code dlq}): {@code --bootstrap-servers}, by default
 * {@code $KAFKA_BOOTSTRAP_SERVERS}, else the broker of {@code ./pipeline up} (localhost:9092), and the same
 * {@code KAFKA_*} client settings as the services ({@link KafkaClientSettings}).
 */
public final class KafkaOptions {

    /** How long a metadata or offsets call may take before the command gives up (Kafka unreachable). */
    static final int API_TIMEOUT_MS = 30_000;

    @Option(names = {"--bootstrap-servers", "--bootstrap"}, paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers (default: $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092, the broker of "
                    + "./pipeline up); TLS/SASL from the KAFKA_* variables as for the services")
    String bootstrapServers = "localhost:9092";

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The error to show for a failure of a Kafka call: a timeout says which cluster did not answer and how to point
     * the command at the right one, instead of Kafka's "Timeout expired while fetching topic metadata".
     */
    public RuntimeException explain(Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within "
                        + API_TIMEOUT_MS / 1000 + " s (" + cause.getMessage() + "): is the pipeline running there? "
                        + "(--bootstrap-servers, default $KAFKA_BOOTSTRAP_SERVERS or localhost:9092)", e);
            }
            cause = cause.getCause();
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
    }

    Properties client(String clientId) {
        Properties props = KafkaClientSettings.forClient(bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        return props;
    }

    public Admin admin(String clientId) {
        return Admin.create(client(clientId));
    }

    /** A consumer without a group that sees only committed records, as the pipeline's services do. */
    public KafkaConsumer<byte[], byte[]> reader(String clientId) {
        Properties props = client(clientId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * An idempotent producer with {@code acks=all}: a record is written once even when a send is retried, and only
     * counted once every in-sync replica has it. Not transactional: a record copied twice (a replay run again after
     * a crash) is harmless, since the store ignores an equal version, so a transaction would only add commit
     * latency and a transactional id to fence.
     */
    public KafkaProducer<byte[], byte[]> writer(String clientId) {
        Properties props = client(clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_RECORD_BYTES);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
