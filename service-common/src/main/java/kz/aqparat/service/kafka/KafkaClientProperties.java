package kz.aqparat.service.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * The settings every Kafka client of a service shares: the {@code kafka.*} properties ({@code KAFKA_*} environment
 * variables), i.e. {@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*} and any
 * other client setting. micronaut-kafka hands the same properties to its producers and, merged with
 * {@code kafka.streams.default.*}, to the Kafka Streams applications ({@code KafkaDefaultConfiguration}); the clients
 * the services build themselves (admin, the id-view consumer, the raw producer) derive theirs from here, so that
 * one set of settings reaches every client.
 *
 * <p>Each derived config keeps only the keys that client type knows ({@code AdminClientConfig.configNames()} etc.),
 * so that settings meant for micronaut-kafka ({@code kafka.health.*}) or for another client type do not end up as
 * "unknown config" warnings.
 */
public final class KafkaClientProperties {

    private final Map<String, Object> settings;

    private KafkaClientProperties(Map<String, Object> settings) {
        this.settings = settings;
    }

    /** From Kafka client settings as Kafka names them ({@code security.protocol}, not {@code kafka.security...}). */
    public static KafkaClientProperties of(Map<?, ?> settings) {
        Map<String, Object> copy = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key.toString(), value);
            }
        });
        copy.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        return new KafkaClientProperties(Map.copyOf(copy));
    }

    public String bootstrapServers() {
        return settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    /** Config of an admin client: the shared settings, then {@code overrides}. */
    public Map<String, Object> admin(Map<String, ?> overrides) {
        return derive(AdminClientConfig.configNames(), overrides);
    }

    public Map<String, Object> consumer(Map<String, ?> overrides) {
        return derive(ConsumerConfig.configNames(), overrides);
    }

    public Map<String, Object> producer(Map<String, ?> overrides) {
        return derive(ProducerConfig.configNames(), overrides);
    }

    private Map<String, Object> derive(Set<String> known, Map<String, ?> overrides) {
        Map<String, Object> config = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        config.putAll(overrides);
        return config;
    }

    /** Where and how the clients connect, without secrets: for log lines and error messages. */
    public String describe() {
        Object protocol = settings.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL);
        StringBuilder text = new StringBuilder(bootstrapServers()).append(" (security.protocol=").append(protocol);
        if (protocol.toString().startsWith("SASL")) {
            text.append(", sasl.mechanism=")
                    .append(settings.getOrDefault(SaslConfigs.SASL_MECHANISM, SaslConfigs.DEFAULT_SASL_MECHANISM));
        }
        return text.append(')').toString();
    }

    /**
     * What an operator should read when a client failed: authentication and authorization failures name the
     * settings to check, anything else gives the cause as Kafka reported it.
     */
    public String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException) {
                return "Kafka at " + describe() + " refused authentication: " + cause.getMessage()
                        + "; check kafka.security.protocol, kafka.sasl.mechanism and kafka.sasl.jaas.config"
                        + " (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG) or the ssl settings";
            }
            if (cause instanceof AuthorizationException) {
                return "Kafka at " + describe() + " denied an operation: " + cause.getMessage()
                        + "; the principal needs ACLs on the articles.* topics";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "Kafka at " + describe() + ": " + root;
    }
}
