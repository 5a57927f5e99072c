package kz.aqparat.cli.replay;

import static kz.aqparat.cli.operate.OperatorFixture.bytes;
import static kz.aqparat.cli.operate.OperatorFixture.headers;
import static kz.aqparat.cli.operate.OperatorFixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kz.aqparat.cli.operate.OperatorFixture;
import kz.aqparat.cli.operate.ProgressTopic;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
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
 * {@code ./pipeline replay} on a real broker: which records of {@code articles.raw} it copies to
 * {@code articles.replay} for each selection, with which key, value and headers, and what it counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayCommandIT {

    private OperatorFixture kafka;
    /** Id (or "a1-delete" for its tombstone) to the raw record as written. */
    private final Map<String, RecordMetadata> raw = new LinkedHashMap<>();
    private final Map<String, byte[]> values = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        kafka = new OperatorFixture();
        // In time order, as ingest writes them; a4 is not an article at all (still replayed without --source).
        write("a1", "2026-01-10T10:00:00Z", article("a1", "Kazpravda.kz"));
        write("a4", "2026-01-15T00:00:00Z", "not json");
        write("a2", "2026-01-20T08:00:00Z", article("a2", "BAQ.KZ"));
        write("a1-delete", "2026-01-25T00:00:00Z", null);
        write("a3", "2026-02-05T00:00:00Z", article("a3", " kazpravda.kz "));
        write("a5", "2026-01-31T23:59:59Z", article("a5", "BAQ.KZ"));
    }

    @AfterAll
    void stop() throws Exception {
        kafka.close();
    }

    @Test
    @Order(1)
    void aDryRunCountsTheWindowAndWritesNothing() throws Exception {
        OperatorFixture.Run run = kafka.cli("replay", "--from", "2026-01-15", "--to", "2026-01-31", "--dry-run",
                "--json");

        assertEquals(0, run.exit(), run.err());
        JsonNode summary = run.json();
        assertTrue(summary.path("dryRun").asBoolean());
        assertEquals("done", summary.path("state").asText());
        assertEquals(5, summary.path("read").asLong(), "from the first record of the 15th on: " + summary);
        assertEquals(3, summary.path("replayed").asLong(), summary.toString());
        assertEquals(2, summary.path("skipped").asLong(), summary.toString());
        assertEquals(1, summary.path("skippedBy").path("tombstone").asLong(), summary.toString());
        assertEquals(1, summary.path("skippedBy").path("outsideWindow").asLong(), "a3, in February: " + summary);
        assertTrue(kafka.readAll(Topics.ARTICLES_REPLAY.name()).isEmpty(), "a dry run writes nothing");
        try (var admin = Admin.create(Map.of("bootstrap.servers",
                kafka.bootstrapServers()))) {
            assertFalse(admin.listTopics().names().get().contains(ProgressTopic.NAME), "no progress topic either");
        }
    }

    @Test
    @Order(2)
    void aWindowIsCopiedWithKeyValueEveryHeaderAndTheRawOffset() throws Exception {
        Instant started = Instant.now();
        OperatorFixture.Run run = kafka.cli("replay", "--from", "2026-01-15", "--to", "2026-01-31", "--json");

        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode summary = run.json();
        assertEquals(3, summary.path("replayed").asLong(), summary.toString());
        List<ConsumerRecord<byte[], byte[]>> replayed = kafka.readAll(Topics.ARTICLES_REPLAY.name());
        assertEquals(List.of("a2", "a4", "a5"), replayed.stream().map(r -> text(r.key())).sorted().toList());
        for (ConsumerRecord<byte[], byte[]> copy : replayed) {
            String id = text(copy.key());
            assertArrayEquals(values.get(id), copy.value(), id);
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put(RecordHeaders.TEXT_FINGERPRINT, "fp-" + id);
            expected.put("trace-id", "trace-" + id);
            expected.put(RecordHeaders.SOURCE_OFFSET, Long.toString(raw.get(id).offset()));
            assertEquals(expected, headers(copy), id);
            assertFalse(Instant.ofEpochMilli(copy.timestamp()).isBefore(started.minusSeconds(1)),
                    "a copy is stamped with the time of the replay, so retention keeps it: " + id);
        }

        String id = summary.path("id").asText();
        JsonNode progress = latestProgress(id);
        assertEquals("replay", progress.path("kind").asText());
        assertEquals("done", progress.path("state").asText());
        assertEquals(3, progress.path("written").asLong());
        assertEquals(5, progress.path("read").asLong());
        assertEquals(Topics.ARTICLES_RAW.name(), progress.path("source").asText());
        long endOffsets = 0;
        for (JsonNode offset : progress.path("targetEndOffsets").path(Topics.ARTICLES_REPLAY.name())) {
            endOffsets += offset.asLong();
        }
        assertEquals(3, endOffsets, "the replay topic's end offsets after the run: " + progress);
    }

    @Test
    @Order(3)
    void idsAndSourceSelectAcrossTheWholeTopicAndTheDeleteIsSkipped(@TempDir Path dir) throws Exception {
        Path ids = Files.writeString(dir.resolve("ids.txt"), "# the two from Kazpravda\na1\n\na3  accepted\n");
        int before = kafka.readAll(Topics.ARTICLES_REPLAY.name()).size();

        OperatorFixture.Run run = kafka.cli("replay", "--ids", ids.toString(), "--source", "KAZPRAVDA.KZ", "--json",
                "--no-progress");

        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode summary = run.json();
        assertEquals(6, summary.path("read").asLong(), summary.toString());
        assertEquals(2, summary.path("replayed").asLong(), summary.toString());
        assertEquals(3, summary.path("skippedBy").path("notListed").asLong(), summary.toString());
        assertEquals(1, summary.path("skippedBy").path("tombstone").asLong(), "a1's delete: " + summary);
        List<ConsumerRecord<byte[], byte[]>> all = kafka.readAll(Topics.ARTICLES_REPLAY.name());
        List<ConsumerRecord<byte[], byte[]>> added = all.stream().filter(r -> !List.of("a2", "a4", "a5")
                .contains(text(r.key()))).toList();
        assertEquals(before + 2, all.size());
        assertEquals(List.of("a1", "a3"), added.stream().map(r -> text(r.key())).sorted().toList());
        for (ConsumerRecord<byte[], byte[]> copy : added) {
            assertEquals(Long.toString(raw.get(text(copy.key())).offset()),
                    headers(copy).get(RecordHeaders.SOURCE_OFFSET));
        }
    }

    @Test
    @Order(4)
    void aTextSummaryAndBadOptions() {
        OperatorFixture.Run run = kafka.cli("replay", "--source", "BAQ.KZ", "--dry-run");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("would replay 2"), run.out());

        OperatorFixture.Run backwards = kafka.cli("replay", "--from", "2026-02-01", "--to", "2026-01-01");
        assertEquals(2, backwards.exit());
        assertTrue(backwards.err().contains("--from must be before --to"), backwards.err());

        OperatorFixture.Run notATime = kafka.cli("replay", "--from", "yesterday");
        assertEquals(2, notATime.exit());
        assertTrue(notATime.err().contains("not an ISO-8601 time"), notATime.err());
    }

    @Test
    @Order(5)
    void theCopyWaitsWhileEnrichsReplayGroupIsTooFarBehind() throws Exception {
        String group = "replay-backlog-test";
        int before = kafka.readAll(Topics.ARTICLES_REPLAY.name()).size();
        assertTrue(before >= 5, "earlier tests left copies: " + before);
        try (var admin = Admin.create(Map.of("bootstrap.servers",
                kafka.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(Topics.ARTICLES_REPLAY.name())).allTopicNames().get()
                    .get(Topics.ARTICLES_REPLAY.name()).partitions().size();
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                var partition = new TopicPartition(Topics.ARTICLES_REPLAY.name(), p);
                zero.put(partition, new OffsetAndMetadata(0));
                latest.put(partition, OffsetSpec.latest());
            }
            // enrich's replay group has processed none of the copies of the earlier runs.
            admin.alterConsumerGroupOffsets(group, zero).all().get();

            var replay = CompletableFuture.supplyAsync(() -> kafka.cli("replay",
                    "--max-ahead", "2", "--replay-group", group, "--json", "--no-progress"));
            Thread.sleep(3_000);
            assertFalse(replay.isDone(), "the copy did not wait: " + (replay.isDone() ? replay.get().out() : ""));
            assertEquals(before, kafka.readAll(Topics.ARTICLES_REPLAY.name()).size(), "nothing copied while behind");

            Map<TopicPartition, OffsetAndMetadata> caught = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) ->
                    caught.put(partition, new OffsetAndMetadata(end.offset())));
            admin.alterConsumerGroupOffsets(group, caught).all().get();

            OperatorFixture.Run run = replay.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.exit(), run.out() + run.err());
            assertEquals(5, run.json().path("replayed").asLong(), run.out());
            assertTrue(run.err().contains("waiting while " + group + " is " + before + " records behind"), run.err());
            assertEquals(before + 5, kafka.readAll(Topics.ARTICLES_REPLAY.name()).size());
        }
    }

    private JsonNode latestProgress(String id) throws Exception {
        JsonNode latest = null;
        for (ConsumerRecord<byte[], byte[]> record : kafka.readAll(ProgressTopic.NAME)) {
            if (id.equals(text(record.key()))) {
                latest = Json.mapper().readTree(record.value());
            }
        }
        assertTrue(latest != null, "no progress record of " + id);
        return latest;
    }

    private void write(String name, String time, String value) throws Exception {
        String id = name.endsWith("-delete") ? name.substring(0, name.length() - "-delete".length()) : name;
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.ARTICLES_RAW.name(), null,
                Instant.parse(time).toEpochMilli(), bytes(id), bytes(value),
                List.of(new RecordHeader(RecordHeaders.TEXT_FINGERPRINT, bytes("fp-" + id)),
                        new RecordHeader("trace-id", bytes("trace-" + id))));
        raw.put(name, kafka.send(record));
        if (value != null) {
            values.put(id, bytes(value));
        }
    }

    private static String article(String id, String source) throws Exception {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", id);
        article.put("source", source);
        article.put("text", "Текст статьи " + id + ".");
        article.put("receivedAt", "2026-01-01T00:00:00Z");
        return Json.mapper().writeValueAsString(article);
    }
}
