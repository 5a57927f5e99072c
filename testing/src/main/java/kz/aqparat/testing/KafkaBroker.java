package kz.aqparat.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for tests. {@link #inJvm()} runs one combined KRaft broker/controller inside the test JVM
 * with Kafka's own test kit; {@link #container()} runs the official apache/kafka image through Testcontainers
 * (only where a Docker engine exists: see {@link #dockerAvailable()}).
 */
public abstract class KafkaBroker implements AutoCloseable {

    /** Settings a one-broker cluster needs so that transactions (exactly_once_v2) and internal topics work. */
    private static final String[][] SINGLE_BROKER_CONFIG = {
            {"offsets.topic.replication.factor", "1"},
            {"transaction.state.log.replication.factor", "1"},
            {"transaction.state.log.min.isr", "1"},
            {"group.initial.rebalance.delay.ms", "0"},
            {"num.partitions", "1"},
            {"auto.create.topics.enable", "false"},
    };

    public abstract String bootstrapServers();

    public static KafkaBroker inJvm() {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build());
            for (String[] kv : SINGLE_BROKER_CONFIG) {
                builder.setConfigProp(kv[0], kv[1]);
            }
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
