package kz.aqparat.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for tests. {@link #inJvm()} runs one combined KRaft broker/controller inside the test JVM
 * with Kafka's own test kit; {@link #container()} runs the official apache/kafka image through Testcontainers
 * (only where a Docker engine exists: see {@link #dockerAvailable()}). {@link #inJvmWithSasl} runs one that
 * requires SASL/PLAIN authentication.
 */
public abstract class KafkaBroker implements AutoCloseable {

    /** Settings a one-broker cluster needs so that transactions (exactly_once_v2) and internal topics work. */
    private static final String PLAIN_LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private static final String[][] SINGLE_BROKER_CONFIG = {
            {"offsets.topic.replication.factor", "1"},
            {"transaction.state.log.replication.factor", "1"},
            {"transaction.state.log.min.isr", "1"},
            {"group.initial.rebalance.delay.ms", "0"},
            {"num.partitions", "1"},
            {"auto.create.topics.enable", "false"},
    };

    public abstract String bootstrapServers();

    /**
     * The settings a client needs to connect, as Kafka names them ({@code bootstrap.servers}, and for a secured
     * broker {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}); a service takes them
     * with the {@code kafka.} prefix.
     */
    public Map<String, String> clientSettings() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    public static KafkaBroker inJvm() {
        return inJvm(new TestKitNodes.Builder(), Map.of(), Map.of());
    }

    /**
     * A broker with more broker settings, e.g. {@code log.retention.check.interval.ms} or {@code log.segment.bytes}
     * for a test of retention; they apply after the one-broker settings.
     */
    public static KafkaBroker inJvm(Map<String, String> brokerConfig) {
        return inJvm(new TestKitNodes.Builder(), brokerConfig, Map.of());
    }

    /**
     * A broker whose client listener requires SASL authentication (SASL_PLAINTEXT, mechanism PLAIN) and knows one
     * client user, {@code user} with {@code password}; {@link #clientSettings()} log in as that user. Authentication
     * only: no authorizer. The controller listener stays PLAINTEXT; the test kit also points the JVM's
     * {@code java.security.auth.login.config} at a JAAS file for the broker (clients here always set
     * {@code sasl.jaas.config}).
     */
    public static KafkaBroker inJvmWithSasl(String user, String password) {
        // The test kit's own broker login (plain-admin) stays, for the broker's connections to itself.
        String brokerJaas = PLAIN_LOGIN_MODULE + " required username=\"plain-admin\" password=\"plain-admin-secret\""
                + " user_plain-admin=\"plain-admin-secret\" user_" + user + "=\"" + password + "\";";
        Map<String, String> brokerConfig = Map.of(
                "listener.name.external.plain.sasl.jaas.config", brokerJaas,
                // No authorizer: the test kit's would deny the controller's PLAINTEXT (ANONYMOUS) connections.
                "authorizer.class.name", "");
        Map<String, String> client = Map.of(
                "security.protocol", SecurityProtocol.SASL_PLAINTEXT.name,
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", plainJaasConfig(user, password));
        return inJvm(new TestKitNodes.Builder().setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT),
                brokerConfig, client);
    }

    /** The {@code sasl.jaas.config} of a client logging in with SASL/PLAIN. */
    public static String plainJaasConfig(String user, String password) {
        return PLAIN_LOGIN_MODULE + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private static KafkaBroker inJvm(TestKitNodes.Builder nodes, Map<String, String> brokerConfig,
                                     Map<String, String> clientSecurity) {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build());
            for (String[] kv : SINGLE_BROKER_CONFIG) {
                builder.setConfigProp(kv[0], kv[1]);
            }
            brokerConfig.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker() {
                @Override
                public String bootstrapServers() {
                    return cluster.bootstrapServers();
                }

                @Override
                public Map<String, String> clientSettings() {
                    Map<String, String> settings = new LinkedHashMap<>(super.clientSettings());
                    settings.putAll(clientSecurity);
                    return Map.copyOf(settings);
                }

                @Override
                public void close() throws Exception {
                    cluster.close();
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an in-JVM Kafka broker: " + e.getMessage(), e);
        }
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    public static KafkaBroker container() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.3.1");
        for (String[] kv : SINGLE_BROKER_CONFIG) {
            container.withEnv("KAFKA_" + kv[0].toUpperCase().replace('.', '_'), kv[1]);
        }
        container.start();
        return new KafkaBroker() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
