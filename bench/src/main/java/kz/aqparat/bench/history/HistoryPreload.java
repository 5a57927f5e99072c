package kz.aqparat.bench.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kz.aqparat.cli.kafka.KafkaClientSettings;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.kafka.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code --preload N}: writes a generated history ({@link HistoryArticles}) straight into the pipeline's topics at
 * Kafka speed, before the services start, so that the run measures start-up, restore, memory and latency on top of
 * it.
 *
 * <ul>
 *   <li>{@link Target#RAW}: the raw articles to {@code articles.raw}, as ingest writes them (key = id, the text
 *       fingerprint header): ingest's duplicate check and a replay see them. Enrich's committed offsets are then set
 *       to the end of {@code articles.raw}, as after a pipeline that enriched them long ago, so that it does not
 *       spend the run extracting the history.</li>
 *   <li>{@link Target#ENRICHED}: the enriched articles to {@code articles.enriched}, as enrich writes them: store
 *       then builds {@code articles.store} and its views from them without the extraction engine. With both
 *       targets an enriched article's source version is the offset of its raw record (a consistent history); with
 *       {@code enriched} alone it is the article's index (there is no raw record).</li>
 * </ul>
 *
 * <p>The producer is idempotent (acks=all, no transactions), with large batches, linger and lz4, from one
 * generating thread per core. Afterwards every written record is read back (read_committed) and counted.
 */
public final class HistoryPreload {

    /** Where the history goes. */
    public enum Target { RAW, ENRICHED }

    /** What was written, how fast, and what the history holds. */
    public record Result(long requested, Set<Target> into, Map<String, Long> records, Map<String, Long> readBack,
                         double seconds, double recordsPerSecond, double megabytes, Map<String, Integer> distinct,
                         String topPerson, long topPersonArticles, List<String> sampleIds) {

        /** For the JSON report. */
        public Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("articles", requested);
            s.put("into", into.stream().map(t -> t.name().toLowerCase()).toList());
            s.put("records", records);
            s.put("readBack", readBack);
            s.put("writeSeconds", Math.round(seconds * 10) / 10.0);
            s.put("recordsPerSecond", Math.round(recordsPerSecond));
            s.put("megabytes", Math.round(megabytes));
            s.put("distinct", distinct);
            s.put("topPerson", topPerson);
            s.put("topPersonArticles", topPersonArticles);
            return s;
        }
    }

    /** Ids of at most this many articles, spread over the history, are kept for the lookups. */
    static final int SAMPLE_IDS = 1000;

    private HistoryPreload() {
    }

    /** Creates the pipeline's topics as the services would ({@link TopicSettings}), so that they exist first. */
    public static void createTopics(String bootstrap, int partitions) throws Exception {
        TopicSettings settings = TopicSettings.of(partitions, (short) 1);
        try (Admin admin = Admin.create(KafkaClientSettings.forClient(bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (var topic : Topics.ALL) {
                topics.add(new NewTopic(topic.name(), partitions, (short) 1).configs(settings.configsFor(topic)));
            }
            for (var created : admin.createTopics(topics).values().values()) {
                try {
                    created.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Writes articles {@code 0..n-1} of {@code history} into {@code into}; then, with {@link Target#RAW}, sets
     * {@code enrichGroup}'s offsets on {@code articles.raw} to its end (the group must not be running).
     */
    public static Result write(String bootstrap, HistoryArticles history, long n, Set<Target> into,
                               String enrichGroup, Consumer<String> progress) throws Exception {
        Set<Target> targets = EnumSet.copyOf(into);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Map<TopicPartition, Long> before = endOffsets(bootstrap);
        long[] rawOffsets = targets.containsAll(EnumSet.allOf(Target.class)) ? new long[Math.toIntExact(n)] : null;
        AtomicLong bytes = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<String> sampleIds = java.util.Collections.synchronizedList(new ArrayList<>());
        long sampleEvery = Math.max(1, n / SAMPLE_IDS);
        Map<EntityType, Map<String, Integer>> articlesPerName = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        Map<String, Long> records = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            var rawJson = new JsonSerde<>(RawArticle.class).serializer();
            var enrichedJson = new JsonSerde<>(EnrichedArticle.class).serializer();
            if (targets.contains(Target.RAW)) {
                runOnThreads(threads, n, failure, progress, sent, start, "articles.raw", (i, counts) -> {
                    HistoryArticles.Generated article = history.article(i);
                    byte[] value = rawJson.serialize(Topics.ARTICLES_RAW.name(), article.raw());
                    bytes.addAndGet(value.length);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES_RAW.name(),
                            article.id(), value);
                    record.headers().add(RecordHeaders.TEXT_FINGERPRINT,
                            article.fingerprint().getBytes(StandardCharsets.US_ASCII));
                    int index = (int) i;
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        } else if (rawOffsets != null) {
                            rawOffsets[index] = metadata.offset();
                        }
                    });
                    tally(article, i, sampleEvery, sampleIds, counts);
                }, articlesPerName);
                producer.flush();
                records.put(Topics.ARTICLES_RAW.name(), n);
            }
            if (targets.contains(Target.ENRICHED)) {
                boolean tallied = targets.contains(Target.RAW);
                sent.set(0);
                runOnThreads(threads, n, failure, progress, sent, start, "articles.enriched", (i, counts) -> {
                    HistoryArticles.Generated article = history.article(i);
                    long sourceVersion = rawOffsets != null ? rawOffsets[(int) i] : i;
                    byte[] value = enrichedJson.serialize(Topics.ARTICLES_ENRICHED.name(),
                            history.enriched(article, sourceVersion));
                    bytes.addAndGet(value.length);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES_ENRICHED.name(),
                            article.id(), value);
                    record.headers().add(RecordHeaders.TEXT_FINGERPRINT,
                            article.fingerprint().getBytes(StandardCharsets.US_ASCII));
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
                    if (!tallied) {
                        tally(article, i, sampleEvery, sampleIds, counts);
                    }
                }, articlesPerName);
                producer.flush();
                records.put(Topics.ARTICLES_ENRICHED.name(), n);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the preload failed: " + failure.get(), failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = records.values().stream().mapToLong(Long::longValue).sum();
        if (targets.contains(Target.RAW)) {
            skipForEnrich(bootstrap, enrichGroup);
        }
        Map<String, Long> readBack = readBack(bootstrap, before, records.keySet());
        Map<String, Integer> distinct = new LinkedHashMap<>();
        String top = null;
        long topCount = 0;
        for (EntityType type : EntityType.values()) {
            Map<String, Integer> counts = articlesPerName.getOrDefault(type, Map.of());
            distinct.put(type.name().toLowerCase(), counts.size());
            if (type == EntityType.PERSON) {
                for (var e : counts.entrySet()) {
                    if (e.getValue() > topCount) {
                        top = e.getKey();
                        topCount = e.getValue();
                    }
                }
            }
        }
        List<String> ids;
        synchronized (sampleIds) {
            ids = List.copyOf(sampleIds);
        }
        return new Result(n, targets, records, readBack, seconds, total / seconds, bytes.get() / 1e6, distinct, top,
                topCount, ids);
    }

    private interface Writer {
        void write(long i, Map<EntityType, Map<String, Integer>> counts) throws Exception;
    }

    private static void runOnThreads(int threads, long n, AtomicReference<Exception> failure,
                                     Consumer<String> progress, AtomicLong sent, long start, String topic,
                                     Writer writer, Map<EntityType, Map<String, Integer>> articlesPerName)
            throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        List<Map<EntityType, Map<String, Integer>>> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Map<EntityType, Map<String, Integer>> counts = new HashMap<>();
            perThread.add(counts);
            Thread worker = new Thread(() -> {
                try {
                    for (long i = first; i < n && failure.get() == null; i += threads) {
                        writer.write(i, counts);
                        sent.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-preload-" + t);
            workers.add(worker);
            worker.start();
        }
        long nextReport = System.nanoTime() + 5_000_000_000L;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                worker.join(500);
                if (System.nanoTime() > nextReport) {
                    nextReport += 5_000_000_000L;
                    double s = (System.nanoTime() - start) / 1e9;
                    progress.accept(String.format(java.util.Locale.ROOT, "preload: %,d / %,d to %s (%.0f s)",
                            sent.get(), n, topic, s));
                }
            }
        }
        for (Map<EntityType, Map<String, Integer>> counts : perThread) {
            counts.forEach((type, names) -> {
                Map<String, Integer> all = articlesPerName.computeIfAbsent(type, k -> new HashMap<>());
                names.forEach((name, c) -> all.merge(name, c, Integer::sum));
            });
        }
    }

    /** Articles per entity name (an article counts once per name), and every {@code sampleEvery}-th id. */
    private static void tally(HistoryArticles.Generated article, long i, long sampleEvery, List<String> sampleIds,
                              Map<EntityType, Map<String, Integer>> counts) {
        for (Entity e : article.extraction().entities()) {
            counts.computeIfAbsent(e.type(), k -> new HashMap<>()).merge(e.name(), 1, Integer::sum);
        }
        if (i % sampleEvery == 0 && sampleIds.size() < SAMPLE_IDS) {
            sampleIds.add(article.id());
        }
    }

    static Properties producerConfig(String bootstrap) {
        Properties props = KafkaClientSettings.forClient(bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // 5-10 KB records: 512 KB batches hold 50-100 of them; the topics accept records up to
        // RecordLimits.MAX_RECORD_BYTES, so a compressed batch of this size always fits.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        return props;
    }

    /** Enrich's group starts after the history: as if it had enriched it already. */
    private static void skipForEnrich(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(KafkaClientSettings.forClient(bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var p : admin.describeTopics(List.of(Topics.ARTICLES_RAW.name())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.ARTICLES_RAW.name()).partitions()) {
                latest.put(new TopicPartition(Topics.ARTICLES_RAW.name(), p.partition()), OffsetSpec.latest());
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until {@code group} has committed, on every partition of {@code topic}, the end offset it had when this
     * was called; returns the seconds it took.
     */
    public static double awaitConsumed(String bootstrap, String group, String topic, Duration timeout,
                                       Consumer<String> progress) throws Exception {
        long start = System.nanoTime();
        long nextReport = start + 10_000_000_000L;
        try (Admin admin = Admin.create(KafkaClientSettings.forClient(bootstrap))) {
            Map<TopicPartition, Long> end = new HashMap<>();
            ends(admin, List.of(topic)).forEach((tp, info) -> end.put(tp, info.offset()));
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                long done = 0;
                boolean all = true;
                for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                    OffsetAndMetadata at = committed.get(e.getKey());
                    long offset = at == null ? 0 : at.offset();
                    done += Math.min(offset, e.getValue());
                    all &= offset >= e.getValue();
                }
                long now = System.nanoTime();
                if (all) {
                    return (now - start) / 1e9;
                }
                if (now - start > timeout.toNanos()) {
                    throw new IllegalStateException(group + " has consumed " + done + " of " + total + " records of "
                            + topic + " after " + timeout.toSeconds() + " s (--preload-timeout)");
                }
                if (now > nextReport) {
                    nextReport += 10_000_000_000L;
                    progress.accept(String.format(java.util.Locale.ROOT, "preload: %s has consumed %,d / %,d of %s "
                            + "(%.0f s)", group, done, total, topic, (now - start) / 1e9));
                }
                Thread.sleep(1000);
            }
        }
    }

    /** The end offsets (read_committed) of articles.raw's and articles.enriched's partitions. */
    static Map<TopicPartition, Long> endOffsets(String bootstrap) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>();
        try (Admin admin = Admin.create(KafkaClientSettings.forClient(bootstrap))) {
            ends(admin, List.of(Topics.ARTICLES_RAW.name(), Topics.ARTICLES_ENRICHED.name()))
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
        }
        return ends;
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends(Admin admin, List<String> topics)
            throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
    }

    /** Reads every record written after {@code before} back from each topic and counts them. */
    private static Map<String, Long> readBack(String bootstrap, Map<TopicPartition, Long> before, Set<String> topics)
            throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        Properties props = KafkaClientSettings.forClient(bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(32 * 1024 * 1024));
        try (Admin admin = Admin.create(KafkaClientSettings.forClient(bootstrap));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            for (String topic : topics) {
                Map<TopicPartition, Long> end = ends(admin, List.of(topic)).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                consumer.assign(end.keySet());
                // From where the topic ended before the preload: a running stack's records are not the preload's.
                end.keySet().forEach(tp -> consumer.seek(tp, before.getOrDefault(tp, 0L)));
                long read = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.headers().lastHeader(RecordHeaders.TEXT_FINGERPRINT) != null) {
                            read++;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("reading " + topic + " back took more than 10 minutes");
                    }
                }
                counts.put(topic, read);
            }
        }
        return counts;
    }
}
