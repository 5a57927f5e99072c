package kz.aqparat.cli.kafka;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings of the CLI's own clients (bench's admin, consumers, producers and Streams), from the
 * same {@code KAFKA_*} environment variables the services read: {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL} is
 * {@code security.protocol=SASL_SSL}, {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}, and so on. The
 * services started by {@code ./pipeline up} inherit the environment, so one set of variables reaches every client.
 *
 * <p>Only settings that every client type knows are taken (security, SASL, TLS, timeouts, DNS): that keeps
 * {@code KAFKA_STREAMS_*} and producer- or consumer-only settings meant for the services out of the CLI's clients.
 * {@code bootstrap.servers} comes from the command ({@code --bootstrap}, or the local broker it started).
 */
public final class KafkaClientSettings {

    private static final String PREFIX = "KAFKA_";
    private static final Set<String> COMMON = common();

    private KafkaClientSettings() {
    }

    /** The settings for a client of the cluster at {@code bootstrap}, from this process's environment. */
    public static Properties forClient(String bootstrap) {
        return forClient(bootstrap, System.getenv());
    }

    static Properties forClient(String bootstrap, Map<String, String> env) {
        Properties props = new Properties();
        props.putAll(fromEnvironment(env));
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    /** {@code KAFKA_A_B=v} to {@code a.b=v}, for the settings every Kafka client type knows. */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                String key = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                if (COMMON.contains(key) && !key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                    settings.put(key, value);
                }
            }
        });
        return settings;
    }

    private static Set<String> common() {
        Set<String> names = new HashSet<>(AdminClientConfig.configNames());
        names.retainAll(ConsumerConfig.configNames());
        names.retainAll(ProducerConfig.configNames());
        return Set.copyOf(names);
    }
}
