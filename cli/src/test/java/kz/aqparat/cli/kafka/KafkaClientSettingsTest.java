package kz.aqparat.cli.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    @Test
    void takesTheServicesKafkaVariablesThatEveryClientKnows() {
        Properties props = KafkaClientSettings.forClient("kafka1:9092", Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
                "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092",
                "KAFKA_STREAMS_DEFAULT_STATE_DIR", "/tmp/state",
                "KAFKA_HEALTH_ENABLED", "false",
                "PATH", "/usr/bin"));
        Properties expected = new Properties();
        expected.putAll(Map.of(
                "bootstrap.servers", "kafka1:9092",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/truststore.p12"));
        assertEquals(expected, props);
    }
}
