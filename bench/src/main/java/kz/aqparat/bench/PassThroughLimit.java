package kz.aqparat.bench;

import kz.aqparat.cli.articles.ArticleStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.aqparat.cli.kafka.KafkaClientSettings;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RawArticle;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Kafka's own limit on this broker for this workload: the same articles, serialized as ingest writes them to
 * {@code articles.raw}, produced straight to a fresh topic (same partitions, producer settings as ingest:
 * acks=all, idempotent, lz4) while no-op Kafka Streams applications (exactly_once_v2) copy them along a chain of
 * fresh topics: one stage for the limit, two for the ceiling of the pipeline's own shape (raw → enrich → store is
 * two exactly-once stages). The rate is the number of records over the time from the first send to the last record
 * seen, read_committed, in the last topic. A warm-up pass goes first, as the pipeline's own warm-up does, because a
 * cold Streams application copied a single burst at 5,000–10,000/s where a warm one copies it at 14,000–20,000/s.
 * The topics and the applications' internal state are deleted afterwards.
 */
final class PassThroughLimit {

    /** What one limit run measured: its median pass, and the rate of every measured pass. */
    record Result(int stages, long records, double producedPerSecond, double passThroughPerSecond, double seconds,
                  List<Double> passes) {
    }

    private PassThroughLimit() {
    }

    /** One pass-through stage: input to output, nothing else. */
    static Topology topology(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-limit-source"))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-limit-sink"));
        return builder.build();
    }

    /** The first {@code count} articles as ingest writes them: key and value bytes, serialized once for every run. */
    static List<byte[][]> records(ArticleStream articles, long count) {
        List<byte[][]> records = new ArrayList<>((int) count);
        var serializer = new JsonSerde<>(RawArticle.class).serializer();
        StringSerializer keys = new StringSerializer();
        for (long i = 0; i < count; i++) {
            RawArticle article = articles.asStored(i);
            records.add(new byte[][]{keys.serialize("", article.id()), serializer.serialize("", article)});
        }
        return records;
    }

    /**
     * Passes {@code records} through {@code stages} chained no-op applications once to warm them up, then
     * {@code passes} more times, measured (their median is the result: a pass of 50,000 records lasts 3–5 s, and a
     * single one varied ±25 % between runs).
     */
    static Result run(String bootstrap, List<byte[][]> records, int stages, int passes, int partitions,
                      short replication, Map<String, Object> streamsOverrides, Duration timeout) throws Exception {
        String suffix = Long.toString(System.currentTimeMillis());
        List<String> topics = new ArrayList<>();
        for (int i = 0; i <= stages; i++) {
            topics.add("bench.limit." + i + "-" + suffix);
        }
        List<String> appIds = new ArrayList<>();
        List<KafkaStreams> apps = new ArrayList<>();
        Path stateDir = Files.createTempDirectory("aqparat-bench-limit");
        try (Admin admin = Admin.create(KafkaClientSettings.forClient(bootstrap))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, replication)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            try {
                for (int i = 0; i < stages; i++) {
                    String appId = "bench-limit-" + i + "-" + suffix;
                    appIds.add(appId);
                    KafkaStreams app = new KafkaStreams(topology(topics.get(i), topics.get(i + 1)),
                            streamsConfig(bootstrap, appId, stateDir.resolve(appId), replication, streamsOverrides));
                    apps.add(app);
                    app.start();
                }
                for (KafkaStreams app : apps) {
                    awaitRunning(app, timeout);
                }
                return measure(bootstrap, topics.get(0), topics.get(stages), stages, partitions, records, passes,
                        timeout);
            } finally {
                for (KafkaStreams app : apps) {
                    app.close(CloseOptions.groupMembershipOperation(
                            CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
                    app.cleanUp();
                }
                cleanUp(() -> admin.deleteConsumerGroups(appIds).all().get(30, TimeUnit.SECONDS));
                cleanUp(() -> admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS));
                deleteRecursively(stateDir);
            }
        }
    }

    private static Result measure(String bootstrap, String input, String output, int stages, int partitions,
                                  List<byte[][]> records, int passes, Duration timeout) throws Exception {
        Properties consumerProps = KafkaClientSettings.forClient(bootstrap);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> outPartitions = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                outPartitions.add(new TopicPartition(output, p));
            }
            consumer.assign(outPartitions);
            consumer.seekToBeginning(outPartitions);
            outPartitions.forEach(consumer::position);
            pass(producer, consumer, input, records, timeout); // warm-up, not measured
            List<Pass> measured = new ArrayList<>();
            for (int i = 0; i < Math.max(1, passes); i++) {
                measured.add(pass(producer, consumer, input, records, timeout));
            }
            List<Pass> sorted = measured.stream().sorted(Comparator.comparingDouble(Pass::passThroughPerSecond))
                    .toList();
            Pass median = sorted.get(sorted.size() / 2);
            return new Result(stages, median.records(), median.producedPerSecond(), median.passThroughPerSecond(),
                    median.seconds(), measured.stream().map(Pass::passThroughPerSecond).toList());
        }
    }

    private record Pass(long records, double producedPerSecond, double passThroughPerSecond, double seconds) {
    }

    /** Sends the records and counts them in the output; the consumer starts where the previous pass left it. */
    private static Pass pass(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> consumer,
                             String input, List<byte[][]> records, Duration timeout) throws InterruptedException {
        long count = records.size();
        AtomicLong acked = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        // Producer and consumer side by side: the producer in its own thread, this one counts the output.
        long start = System.nanoTime();
        Thread sender = new Thread(() -> {
            for (byte[][] record : records) {
                producer.send(new ProducerRecord<>(input, record[0], record[1]), (metadata, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                        lastAck.set(System.nanoTime());
                    }
                });
            }
            producer.flush();
        }, "bench-limit-producer");
        sender.start();
        long seen = 0;
        long deadline = start + timeout.toNanos();
        long lastSeen = start;
        while (seen < count && System.nanoTime() < deadline) {
            int n = consumer.poll(Duration.ofMillis(100)).count();
            if (n > 0) {
                seen += n;
                lastSeen = System.nanoTime();
            }
        }
        sender.join(timeout.toMillis());
        if (seen < count) {
            throw new IllegalStateException("the pass-through topology copied only " + seen + " of " + count
                    + " records within " + timeout);
        }
        double seconds = (lastSeen - start) / 1e9;
        double producedSeconds = (lastAck.get() - start) / 1e9;
        return new Pass(count, acked.get() / producedSeconds, count / seconds, seconds);
    }

    /** As ingest's producer for articles.raw. */
    private static Properties producerConfig(String bootstrap) {
        Properties props = KafkaClientSettings.forClient(bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-limit-producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        return props;
    }

    private static Properties streamsConfig(String bootstrap, String appId, Path stateDir, short replication,
                                            Map<String, Object> overrides) {
        Properties props = KafkaClientSettings.forClient(bootstrap);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replication);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // As enrich's and store's application.yml, so that the limit runs Streams as the pipeline does.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        props.putAll(overrides);
        return props;
    }

    private static void awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("the pass-through topology did not start: " + streams.state());
            }
            Thread.sleep(100);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Clean-up that must not hide the measurement (a group still leaving, a topic deletion timing out). */
    private static void cleanUp(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("bench: clean-up after the limit run: " + e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory; nothing else to do
        }
    }
}
