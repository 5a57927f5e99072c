package kz.aqparat.service.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

class KafkaClientPropertiesTest {

    private static final KafkaClientProperties SASL = KafkaClientProperties.of(Map.of(
            "bootstrap.servers", "kafka1:9092",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "acks", "all",
            "health.enabled", "false",
            "bootstrap-servers", "kafka1:9092"));

    @Test
    void everyClientGetsTheSharedSecuritySettingsAndOnlyKeysItKnows() {
        Map<String, Object> admin = SASL.admin(Map.of("client.id", "x"));
        assertEquals(Map.of("bootstrap.servers", "kafka1:9092", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/truststore.p12", "client.id", "x"), admin);
        assertEquals("all", SASL.producer(Map.of()).get("acks"));
        assertTrue(!SASL.consumer(Map.of()).containsKey("acks"));
        assertEquals("SASL_SSL", SASL.consumer(Map.of()).get("security.protocol"));
    }

    @Test
    void aRefusedAuthenticationIsExplainedWithoutTheSecret() {
        String message = SASL.explain(new ExecutionException(
                new SaslAuthenticationException("Authentication failed: Invalid username or password")));
        assertTrue(message.startsWith("Kafka at kafka1:9092 (security.protocol=SASL_SSL, sasl.mechanism=SCRAM-SHA-512)"
                + " refused authentication: Authentication failed: Invalid username or password"), message);
        assertTrue(!message.contains("ScramLoginModule"), message);
    }

    @Test
    void withoutSettingsTheDefaultBrokerIsUsedInPlaintext() {
        KafkaClientProperties defaults = KafkaClientProperties.of(Map.of());
        assertEquals("localhost:9092", defaults.bootstrapServers());
        assertEquals("localhost:9092 (security.protocol=PLAINTEXT)", defaults.describe());
    }
}
