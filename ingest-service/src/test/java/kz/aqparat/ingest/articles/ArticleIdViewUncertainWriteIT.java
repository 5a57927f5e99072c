package kz.aqparat.ingest.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import kz.aqparat.ingest.ids.ArticleIdTopology;
import kz.aqparat.ingest.ids.IndexProgress;
import kz.aqparat.ingest.ids.StreamsArticleIdIndex;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.kafka.PipelineTopics;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The claim of a version whose write failed ambiguously, on a real broker: a retry meanwhile is refused (503), and
 * the claim is settled by what Kafka holds: stored when the record turns up in {@code articles.raw}, released once
 * a later acknowledged write to the same partition has been read past without it, or after the expiry. The
 * view's index is the real one: the id topology running on the broker, reading {@code articles.raw} through
 * {@code articles.ids} into its global store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleIdViewUncertainWriteIT {

    private static final int PARTITION = 1;
    private KafkaBroker broker;
    private KafkaProducer<String, String> producer;
    private KafkaStreams streams;

    @BeforeAll
    void start() {
        broker = KafkaBroker.inJvm();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    void stop() throws Exception {
        producer.close();
        broker.close();
    }

    /** A view over a real id index: the Kafka Streams application of {@link ArticleIdTopology} on the broker. */
    private ArticleIdView view(Duration expiry) throws Exception {
        KafkaClientProperties kafka = KafkaClientProperties.of(Map.of("bootstrap.servers", broker.bootstrapServers()));
        new PipelineTopics(kafka, 3, (short) 1).ensureExist();
        IndexProgress progress = new IndexProgress();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "uncertain-write-it-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ingest-ids-it").toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        streams = new KafkaStreams(ArticleIdTopology.build(progress), props);
        streams.start();
        IngestConfiguration config = new IngestConfiguration();
        config.setUncertainWriteExpiry(expiry);
        ArticleIdView view = new ArticleIdView(new StreamsArticleIdIndex(streams, progress,
                StreamsArticleIdIndex.lastRawOffsets(kafka)), config);
        waitFor(view::isReady, "the view is ready");
        return view;
    }

    @AfterEach
    void closeStreams() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
            streams = null;
        }
    }

    /** Claims a version and lets its write fail ambiguously on {@link #PARTITION}; returns the mark after. */
    private static long failAmbiguously(ArticleIdView view, String id, String fingerprint) {
        CompletableFuture<Void> write = new CompletableFuture<>();
        assertNull(view.claim(id, fingerprint, write), "the version is new");
        view.uncertain(id, fingerprint, write, PARTITION);
        write.completeExceptionally(new org.apache.kafka.common.errors.TimeoutException("expired"));
        return view.uncertainMark();
    }

    private RecordMetadata write(String id, String fingerprint) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES_RAW.name(), PARTITION, id, "{}");
        record.headers().add(RecordHeaders.TEXT_FINGERPRINT, fingerprint.getBytes(StandardCharsets.US_ASCII));
        return producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private static void assertRefused(ArticleIdView view, String id, String fingerprint) {
        CompletableFuture<Void> earlier = view.claim(id, fingerprint, new CompletableFuture<>());
        assertNotNull(earlier, "a retry finds the earlier claim");
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, earlier::get);
        assertTrue(e.getCause() instanceof KafkaUnavailable, e.toString());
    }

    @Test
    void aRetryIsRefusedUntilTheRecordTurnsUpAndIsThenADuplicate() throws Exception {
        ArticleIdView view = view(Duration.ofMinutes(5));
        try {
            failAmbiguously(view, "a-1", "f-1");
            assertRefused(view, "a-1", "f-1");
            assertEquals(1, view.uncertainWrites());

            write("a-1", "f-1"); // the record the leader had appended becomes visible

            waitFor(() -> view.uncertainWrites() == 0, "the uncertain write is settled");
            CompletableFuture<Void> earlier = view.claim("a-1", "f-1", new CompletableFuture<>());
            assertNotNull(earlier, "the retry is a duplicate");
            earlier.get(1, TimeUnit.SECONDS);
        } finally {
            view.close();
        }
    }

    @Test
    void aLaterAcknowledgedWriteReadPastReleasesTheClaimSoThatARetryIsWritten() throws Exception {
        ArticleIdView view = view(Duration.ofMinutes(5));
        try {
            long mark = failAmbiguously(view, "b-1", "f-1");
            RecordMetadata earlierWrite = write("other-0", "x"); // acknowledged, but submitted before the failure
            view.acknowledged(PARTITION, earlierWrite.offset(), mark - 1);
            Thread.sleep(1500);
            assertRefused(view, "b-1", "f-1");

            RecordMetadata later = write("other-1", "x");
            view.acknowledged(PARTITION, later.offset(), mark);

            waitFor(() -> view.uncertainWrites() == 0, "the uncertain write is settled");
            assertNull(view.claim("b-1", "f-1", new CompletableFuture<>()), "the retry may write the version");
        } finally {
            view.close();
        }
    }

    @Test
    void withoutLaterWritesTheClaimExpires() throws Exception {
        ArticleIdView view = view(Duration.ofSeconds(2));
        try {
            failAmbiguously(view, "c-1", "f-1");
            assertRefused(view, "c-1", "f-1");
            waitFor(() -> view.uncertainWrites() == 0, "the uncertain write expires");
            assertNull(view.claim("c-1", "f-1", new CompletableFuture<>()));
            assertFalse(view.uncertainWrites() > 0);
        } finally {
            view.close();
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
