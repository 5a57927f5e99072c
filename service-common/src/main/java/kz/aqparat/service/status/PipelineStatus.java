package kz.aqparat.service.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.Topic;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.kafka.TopicSettings;
import kz.aqparat.service.kafka.TopicsCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The figures an operator watches, read from Kafka alone (admin client, and one consumer for the dead letters'
 * stages), the same for {@code ./pipeline status} and the dashboard's status strip ({@code GET /api/status} of
 * store-service): the broker, each pipeline topic (partitions, replication, what it keeps, offsets), each consumer
 * group with offsets on a pipeline topic (the Kafka Streams applications of enrich and store) with its lag, the
 * freshness of {@code articles.raw} against {@code articles.store}, dead letters of the last hour and day by
 * stage, and replays in progress (a group's lag on {@code articles.replay}).
 *
 * <p>Cheap enough to run every few seconds: offsets and the newest timestamps come from {@code listOffsets}
 * (latest, earliest, max timestamp, for a time); only the dead letters of the last day are read, at most
 * {@link #MAX_DLQ_READ} of them. End offsets are read_committed (the last stable offset), as the pipeline's
 * consumers read. Not thread-safe: one caller at a time.
 */
public final class PipelineStatus implements AutoCloseable {

    static final int MAX_DLQ_READ = 10_000;
    private static final String STAGE_UNKNOWN = "(no stage)";

    private final Admin admin;
    private final Consumer<byte[], byte[]> consumer;
    private final TopicSettings expected;
    private final String bootstrapServers;
    private final Duration timeout;

    /**
     * @param clientConfig the shared Kafka client settings (bootstrap servers, security), valid for an admin client
     *                     and a consumer
     * @param expected     what the topics should look like, to name their problems
     */
    public PipelineStatus(Map<String, Object> clientConfig, TopicSettings expected, Duration timeout) {
        this.expected = expected;
        this.timeout = timeout;
        this.bootstrapServers = String.valueOf(clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        Map<String, Object> adminConfig = new HashMap<>();
        clientConfig.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                adminConfig.put(k, v);
            }
        });
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "aqparat-status");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(adminConfig);
        Map<String, Object> consumerConfig = new HashMap<>();
        clientConfig.forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                consumerConfig.put(k, v);
            }
        });
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "aqparat-status-dlq");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        consumerConfig.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads every figure; an unreachable broker gives a report with only {@link StatusReport#broker()}. */
    public StatusReport read() {
        Instant now = Instant.now();
        StatusReport.Broker broker;
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            broker = new StatusReport.Broker(true, bootstrapServers, get(cluster.clusterId()),
                    get(cluster.nodes()).size(), null);
        } catch (Exception e) {
            return new StatusReport(now, new StatusReport.Broker(false, bootstrapServers, null, 0, reason(e)),
                    List.of(), List.of(), null, null, List.of());
        }
        try {
            return read(now, broker);
        } catch (Exception e) {
            return new StatusReport(now, new StatusReport.Broker(true, bootstrapServers, broker.clusterId(),
                    broker.nodes(), "the broker answers, but reading the status failed: " + reason(e)),
                    List.of(), List.of(), null, null, List.of());
        }
    }

    private StatusReport read(Instant now, StatusReport.Broker broker) throws Exception {
        TopicsCheck check = TopicsCheck.read(admin, expected, timeout.toSeconds());
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, TopicsCheck.TopicState> byName = new LinkedHashMap<>();
        for (TopicsCheck.TopicState topic : check.topics()) {
            byName.put(topic.name(), topic);
            for (int p = 0; p < topic.partitions(); p++) {
                partitions.add(new TopicPartition(topic.name(), p));
            }
        }
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());

        List<StatusReport.TopicStatus> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            TopicsCheck.TopicState state = byName.get(topic.name());
            if (state == null) {
                topics.add(new StatusReport.TopicStatus(topic.name(), false, 0, 0, Map.of(), 0,
                        List.of(topic.name() + " does not exist (the services create it at start-up)")));
                continue;
            }
            long offsets = 0;
            for (int p = 0; p < state.partitions(); p++) {
                TopicPartition tp = new TopicPartition(topic.name(), p);
                offsets += end.get(tp) - start.get(tp);
            }
            topics.add(new StatusReport.TopicStatus(topic.name(), true, state.partitions(), state.replication(),
                    state.configs(), offsets, state.problems()));
        }

        List<StatusReport.GroupStatus> groups = groups(byName, start, end);
        List<StatusReport.Replay> replays = new ArrayList<>();
        for (StatusReport.GroupStatus group : groups) {
            long left = group.partitions().stream().filter(p -> p.topic().equals(Topics.ARTICLES_REPLAY.name()))
                    .mapToLong(StatusReport.PartitionLag::lag).sum();
            if (left > 0) {
                replays.add(new StatusReport.Replay(group.group(), left));
            }
        }
        return new StatusReport(now, broker, topics, groups, freshness(now, byName), deadLetters(now, byName, start,
                end), replays);
    }

    /**
     * Each group with committed offsets on, or members assigned to, a pipeline topic; for each such topic every
     * partition, a partition without a committed offset counted from the topic's start (Streams' reset policy):
     * so the first records of a replay show as lag before the group has committed anything on articles.replay.
     */
    private List<StatusReport.GroupStatus> groups(Map<String, TopicsCheck.TopicState> pipelineTopics,
                                                  Map<TopicPartition, Long> start, Map<TopicPartition, Long> end)
            throws Exception {
        List<StatusReport.GroupStatus> groups = new ArrayList<>();
        Collection<GroupListing> listings = get(admin.listGroups().all());
        List<String> classic = listings.stream()
                .filter(l -> l.type().orElse(GroupType.CLASSIC) != GroupType.STREAMS
                        && l.type().orElse(GroupType.CLASSIC) != GroupType.SHARE)
                .map(GroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> described = classic.isEmpty() ? Map.of()
                : get(admin.describeConsumerGroups(classic).all());
        for (GroupListing listing : listings) {
            GroupType type = listing.type().orElse(GroupType.CLASSIC);
            Map<TopicPartition, OffsetAndMetadata> committed;
            Set<String> topics = new java.util.TreeSet<>();
            if (type == GroupType.STREAMS) {
                committed = get(admin.listStreamsGroupOffsets(Map.of(listing.groupId(),
                        new ListStreamsGroupOffsetsSpec())).partitionsToOffsetAndMetadata(listing.groupId()));
            } else if (type == GroupType.SHARE) {
                continue;
            } else {
                committed = get(admin.listConsumerGroupOffsets(listing.groupId()).partitionsToOffsetAndMetadata());
                ConsumerGroupDescription description = described.get(listing.groupId());
                if (description != null) {
                    description.members().forEach(m -> m.assignment().topicPartitions()
                            .forEach(tp -> topics.add(tp.topic())));
                }
            }
            committed.forEach((tp, offset) -> {
                if (offset != null) {
                    topics.add(tp.topic());
                }
            });
            topics.retainAll(pipelineTopics.keySet());
            if (topics.isEmpty()) {
                continue;
            }
            List<StatusReport.PartitionLag> lags = new ArrayList<>();
            long total = 0;
            for (String topic : topics) {
                for (int p = 0; p < pipelineTopics.get(topic).partitions(); p++) {
                    TopicPartition tp = new TopicPartition(topic, p);
                    OffsetAndMetadata offset = committed.get(tp);
                    long position = offset != null ? offset.offset() : start.get(tp);
                    long lag = Math.max(0, end.get(tp) - position);
                    total += lag;
                    lags.add(new StatusReport.PartitionLag(topic, p, position, end.get(tp), lag));
                }
            }
            groups.add(new StatusReport.GroupStatus(listing.groupId(),
                    listing.groupState().map(Enum::name).orElse("UNKNOWN"), total, lags));
        }
        groups.sort((a, b) -> a.group().compareTo(b.group()));
        return groups;
    }

    private StatusReport.Freshness freshness(Instant now, Map<String, TopicsCheck.TopicState> topics)
            throws Exception {
        Long raw = newestTimestamp(topics.get(Topics.ARTICLES_RAW.name()));
        Long store = newestTimestamp(topics.get(Topics.ARTICLES_STORE.name()));
        return new StatusReport.Freshness(
                raw == null ? null : Instant.ofEpochMilli(raw), raw == null ? null : now.toEpochMilli() - raw,
                store == null ? null : Instant.ofEpochMilli(store), store == null ? null : now.toEpochMilli() - store,
                raw == null ? null : store == null ? null : Math.max(0, raw - store));
    }

    /** The largest record timestamp in the topic ({@code OffsetSpec.maxTimestamp}), or null when it is empty. */
    private Long newestTimestamp(TopicsCheck.TopicState topic) throws Exception {
        if (topic == null) {
            return null;
        }
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (int p = 0; p < topic.partitions(); p++) {
            specs.put(new TopicPartition(topic.name(), p), OffsetSpec.maxTimestamp());
        }
        Long newest = null;
        for (ListOffsetsResultInfo info : get(admin.listOffsets(specs).all()).values()) {
            if (info.offset() >= 0 && info.timestamp() >= 0) {
                newest = newest == null ? info.timestamp() : Math.max(newest, info.timestamp());
            }
        }
        return newest;
    }

    private StatusReport.DeadLetters deadLetters(Instant now, Map<String, TopicsCheck.TopicState> topics,
                                                 Map<TopicPartition, Long> start, Map<TopicPartition, Long> end)
            throws Exception {
        TopicsCheck.TopicState dlq = topics.get(Topics.ARTICLES_DLQ.name());
        if (dlq == null) {
            return null;
        }
        long hourAgo = now.minus(Duration.ofHours(1)).toEpochMilli();
        long dayAgo = now.minus(Duration.ofDays(1)).toEpochMilli();
        List<TopicPartition> partitions = new ArrayList<>();
        long offsets = 0;
        for (int p = 0; p < dlq.partitions(); p++) {
            TopicPartition tp = new TopicPartition(dlq.name(), p);
            partitions.add(tp);
            offsets += end.get(tp) - start.get(tp);
        }
        Map<TopicPartition, Long> fromDayAgo = new HashMap<>();
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(tp -> specs.put(tp, OffsetSpec.forTimestamp(dayAgo)));
        get(admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .forEach((tp, info) -> fromDayAgo.put(tp, info.offset() < 0 ? end.get(tp) : info.offset()));

        // The newest MAX_DLQ_READ at most, spread by partition as the last day's records are.
        long inDay = partitions.stream().mapToLong(tp -> end.get(tp) - fromDayAgo.get(tp)).sum();
        boolean truncated = inDay > MAX_DLQ_READ;
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long first = fromDayAgo.get(tp);
            if (truncated) {
                long share = (end.get(tp) - first) * MAX_DLQ_READ / inDay;
                first = Math.max(first, end.get(tp) - share);
            }
            if (first < end.get(tp)) {
                from.put(tp, first);
            }
        }
        Map<String, long[]> byStage = new TreeMap<>();
        long lastHour = 0;
        long lastDay = 0;
        if (!from.isEmpty()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> remaining = new HashMap<>(from);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.timestamp() >= dayAgo) {
                        long[] counts = byStage.computeIfAbsent(stageOf(record), s -> new long[2]);
                        counts[1]++;
                        lastDay++;
                        if (record.timestamp() >= hourAgo) {
                            counts[0]++;
                            lastHour++;
                        }
                    }
                }
                // Transaction markers take offsets but are never returned: the position says where a partition is.
                remaining.keySet().removeIf(tp -> consumer.position(tp) >= end.get(tp));
            }
            consumer.unsubscribe();
        }
        Map<String, StatusReport.StageCount> stages = new LinkedHashMap<>();
        byStage.forEach((stage, c) -> stages.put(stage, new StatusReport.StageCount(c[0], c[1])));
        return new StatusReport.DeadLetters(offsets, lastHour, lastDay, stages, truncated);
    }

    private static String stageOf(ConsumerRecord<byte[], byte[]> record) {
        Header stage = record.headers().lastHeader(DlqHeaders.STAGE);
        return stage == null ? STAGE_UNKNOWN : new String(stage.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(tp -> specs.put(tp, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
