package kz.aqparat.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void inJvmBrokerStoresAndServesRecords() throws Exception {
        try (KafkaBroker broker = KafkaBroker.inJvm()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "v")).get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    "bootstrap.servers", broker.bootstrapServers(), "group.id", "g",
                    "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("t"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertEquals("v", records.iterator().next().value());
            }
        }
    }

    @Test
    void saslBrokerServesItsUserAndRefusesAWrongPassword() throws Exception {
        try (KafkaBroker broker = KafkaBroker.inJvmWithSasl("aqparat", "right-secret")) {
            try (Admin admin = Admin.create(new HashMap<>(broker.clientSettings()))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
                assertEquals(List.of("t"), List.copyOf(admin.listTopics().names().get()));
            }
            Map<String, Object> wrong = new HashMap<>(broker.clientSettings());
            wrong.put("sasl.jaas.config", KafkaBroker.plainJaasConfig("aqparat", "wrong-secret"));
            try (Admin admin = Admin.create(wrong)) {
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> admin.listTopics().names().get());
                assertInstanceOf(SaslAuthenticationException.class, e.getCause());
            }
        }
    }
}
