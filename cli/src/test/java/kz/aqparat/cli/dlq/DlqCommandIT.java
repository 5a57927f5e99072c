package kz.aqparat.cli.dlq;

import static kz.aqparat.cli.operate.OperatorFixture.bytes;
import static kz.aqparat.cli.operate.OperatorFixture.headers;
import static kz.aqparat.cli.operate.OperatorFixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.aqparat.cli.operate.OperatorFixture;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.dlq.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pipeline dlq list/show/redrive} on a real broker, on dead letters built by the services' own
 * {@link DeadLetter}: how they are grouped, what one shows, and where each original record is sent back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DlqCommandIT {

    private OperatorFixture kafka;
    private final Map<String, RecordMetadata> dead = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        kafka = new OperatorFixture();
        // Two parse failures of raw records (one group once the numbers are out of the message), ...
        write("id-1", "enrich.deserialize", new IllegalArgumentException("Unexpected end-of-input at line 1, column 27"),
                Topics.ARTICLES_RAW.name(), 0, 5, "{\"id\": ", fingerprint("fp-1"));
        write("id-2", "enrich.deserialize", new IllegalArgumentException("Unexpected end-of-input at line 3, column 9"),
                Topics.ARTICLES_RAW.name(), 1, 7, "{\"text\": ", fingerprint("fp-2"));
        // ... a replayed record that failed extraction (it carries its source offset), ...
        write("id-3", "enrich.extract", new IllegalStateException("the extractor failed"),
                Topics.ARTICLES_REPLAY.name(), 0, 2, "{\"id\":\"id-3\",\"text\":\"Текст\"}",
                List.of(new RecordHeader(RecordHeaders.TEXT_FINGERPRINT, bytes("fp-3")),
                        new RecordHeader(RecordHeaders.SOURCE_OFFSET, bytes("11"))));
        // ... an enriched article the store could not read, ...
        write("id-4", "store.deserialize", new IllegalArgumentException("not an enriched article"),
                Topics.ARTICLES_ENRICHED.name(), 0, 3, "{}", List.of(new RecordHeader("trace-id", bytes("t-4"))));
        // ... and one too large for the dead-letter topic: cut, so it cannot be redriven.
        char[] big = new char[RecordLimits.MAX_DLQ_VALUE_BYTES + 10];
        Arrays.fill(big, 'x');
        write("id-5", "enrich.validate", new IllegalStateException("a value larger than 524288 bytes"),
                Topics.ARTICLES_RAW.name(), 1, 9, new String(big), fingerprint("fp-5"));
    }

    @AfterAll
    void stop() throws Exception {
        kafka.close();
    }

    @Test
    @Order(1)
    void listGroupsByStageErrorAndMessage() {
        JsonNode list = kafka.cli("dlq", "list", "--json").json();

        assertEquals(5, list.path("total").asLong(), list.toString());
        JsonNode groups = list.path("groups");
        assertEquals(4, groups.size(), list.toString());
        JsonNode largest = groups.get(0);
        assertEquals("enrich.deserialize", largest.path("stage").asText());
        assertEquals(IllegalArgumentException.class.getName(), largest.path("errorClass").asText());
        assertEquals("Unexpected end-of-input at line #, column #", largest.path("message").asText());
        assertEquals(2, largest.path("count").asLong());
        List<String> examples = new ArrayList<>();
        largest.path("examples").forEach(e -> examples.add(e.path("id").asText() + "@" + e.path("position").asText()));
        assertEquals(List.of("id-1@" + position("id-1"), "id-2@" + position("id-2")), examples);
        assertTrue(largest.path("first").asText().compareTo(largest.path("last").asText()) <= 0, largest.toString());

        JsonNode enrichOnly = kafka.cli("dlq", "list", "--stage", "enrich", "--json").json();
        assertEquals(4, enrichOnly.path("total").asLong(), "every enrich.* stage: " + enrichOnly);
        JsonNode store = kafka.cli("dlq", "list", "--stage", "store.deserialize", "--json").json();
        assertEquals(1, store.path("total").asLong());
        assertEquals(0, kafka.cli("dlq", "list", "--since", "2999-01-01", "--json").json().path("total").asLong());

        OperatorFixture.Run table = kafka.cli("dlq", "list");
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("enrich.deserialize") && table.out().contains("id-1 (" + position("id-1")),
                table.out());
    }

    @Test
    @Order(2)
    void showPrintsHeadersAndTheStartOfTheValue() {
        JsonNode shown = kafka.cli("dlq", "show", position("id-3"), "--json").json();
        assertEquals("id-3", shown.path("key").asText());
        Map<String, String> headers = new LinkedHashMap<>();
        shown.path("headers").forEach(h -> headers.put(h.path("name").asText(), h.path("value").asText()));
        assertEquals("fp-3", headers.get(RecordHeaders.TEXT_FINGERPRINT));
        assertEquals("11", headers.get(RecordHeaders.SOURCE_OFFSET));
        assertEquals("enrich.extract", headers.get(DlqHeaders.STAGE));
        assertEquals(Topics.ARTICLES_REPLAY.name(), headers.get(DlqHeaders.ORIGINAL_TOPIC));
        assertEquals("{\"id\":\"id-3\",\"text\":\"Текст\"}", shown.path("value").asText());

        OperatorFixture.Run big = kafka.cli("dlq", "show", "--id", "id-5", "--bytes", "10");
        assertEquals(0, big.exit(), big.err());
        assertTrue(big.out().contains("dlq.value.truncated: " + (RecordLimits.MAX_DLQ_VALUE_BYTES + 10)), big.out());
        assertTrue(big.out().contains("the first 10") && big.out().contains("\nxxxxxxxxxx\n"), big.out());

        assertEquals(1, kafka.cli("dlq", "show", "--id", "no-such-id").exit());
        OperatorFixture.Run bare = kafka.cli("dlq", "show", "5");
        assertEquals(2, bare.exit(), "two partitions: an offset alone is ambiguous");
        assertTrue(bare.err().contains("PARTITION:OFFSET"), bare.err());
    }

    @Test
    @Order(3)
    void aDryRunCountsWhatWouldBeRedrivenAndSaysWhatCannotBe() {
        OperatorFixture.Run run = kafka.cli("dlq", "redrive", "--dry-run", "--json");

        assertEquals(1, run.exit(), "one dead letter cannot be redriven: " + run.out());
        JsonNode summary = run.json();
        assertEquals(4, summary.path("redriven").asLong(), summary.toString());
        assertEquals(3, summary.path("redrivenTo").path(Topics.ARTICLES_REPLAY.name()).asLong());
        assertEquals(1, summary.path("redrivenTo").path(Topics.ARTICLES_ENRICHED.name()).asLong());
        assertEquals(1, summary.path("notRedriven").asLong());
        JsonNode refused = summary.path("notRedrivenList").get(0);
        assertEquals("id-5", refused.path("id").asText());
        assertEquals("valueTruncated", refused.path("reason").asText());
        assertEquals(position("id-5"), refused.path("position").asText());
        assertTrue(kafka.readAll(Topics.ARTICLES_REPLAY.name()).isEmpty());
        assertTrue(kafka.readAll(Topics.ARTICLES_ENRICHED.name()).isEmpty());
    }

    @Test
    @Order(4)
    void redriveSendsEachOriginalRecordBackWithItsHeadersAndSourceOffset(@TempDir Path dir) throws Exception {
        OperatorFixture.Run run = kafka.cli("dlq", "redrive");

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("NOT REDRIVEN " + position("id-5") + " id-5"), run.out());
        Map<String, ConsumerRecord<byte[], byte[]>> replay = byKey(kafka.readAll(Topics.ARTICLES_REPLAY.name()));
        assertEquals(List.of("id-1", "id-2", "id-3"), replay.keySet().stream().sorted().toList());
        assertEquals(Map.of(RecordHeaders.TEXT_FINGERPRINT, "fp-1", RecordHeaders.SOURCE_OFFSET, "5"),
                headers(replay.get("id-1")), "the raw offset of the dead letter, no dlq.* header");
        assertArrayEquals(bytes("{\"id\": "), replay.get("id-1").value());
        assertEquals(Map.of(RecordHeaders.TEXT_FINGERPRINT, "fp-2", RecordHeaders.SOURCE_OFFSET, "7"),
                headers(replay.get("id-2")));
        assertEquals(Map.of(RecordHeaders.TEXT_FINGERPRINT, "fp-3", RecordHeaders.SOURCE_OFFSET, "11"),
                headers(replay.get("id-3")), "a replayed record keeps the source offset it had");
        List<ConsumerRecord<byte[], byte[]>> enriched = kafka.readAll(Topics.ARTICLES_ENRICHED.name());
        assertEquals(1, enriched.size());
        assertEquals("id-4", text(enriched.get(0).key()));
        assertEquals(Map.of("trace-id", "t-4"), headers(enriched.get(0)));

        Path ids = Files.writeString(dir.resolve("ids"), "id-4\n");
        OperatorFixture.Run one = kafka.cli("dlq", "redrive", "--ids", ids.toString(), "--json");
        assertEquals(0, one.exit(), one.out());
        assertEquals(1, one.json().path("redriven").asLong());
        assertEquals(4, one.json().path("notSelected").path("notListed").asLong(), one.out());
        assertEquals(2, kafka.readAll(Topics.ARTICLES_ENRICHED.name()).size());
    }

    private String position(String id) {
        RecordMetadata metadata = dead.get(id);
        return metadata.partition() + ":" + metadata.offset();
    }

    private void write(String id, String stage, Exception error, String originalTopic, int partition, long offset,
                       String value, List<org.apache.kafka.common.header.Header> originalHeaders) throws Exception {
        DeadLetter letter = DeadLetter.of(stage.startsWith("store") ? "store-service" : "enrich-service", stage,
                error, new DeadLetter.Origin(originalTopic, partition, offset), bytes(id), bytes(value),
                originalHeaders);
        dead.put(id, kafka.send(letter.toProducerRecord()));
    }

    private static List<org.apache.kafka.common.header.Header> fingerprint(String fingerprint) {
        return List.of(new RecordHeader(RecordHeaders.TEXT_FINGERPRINT, bytes(fingerprint)));
    }

    private static Map<String, ConsumerRecord<byte[], byte[]>> byKey(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, ConsumerRecord<byte[], byte[]>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.put(text(r.key()), r));
        return byKey;
    }
}
