package kz.aqparat.cli.replay;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code --max-ahead N}: the copy keeps at most N records of {@code articles.replay} that enrich-service's replay
 * group has not processed yet. enrich pauses its replay while new articles wait (its yield), so copying further ahead
 * does not make the replay faster; it only puts the copy's own work (this JVM, the broker's writes) on the machine
 * at the moment the replay starts, which is where the latency of new articles went over 1 s. A group that has
 * committed nothing on {@code articles.replay} (enrich not running, or a first start) does not hold the copy back.
 */
final class ReplayBacklog {

    private static final long CHECK_EVERY_RECORDS = 100;
    private static final long WAIT_MS = 200;

    private final Admin admin;
    private final String group;
    private final long maxAhead;
    private final PrintWriter err;
    private long sinceCheck;
    /** The ends of every partition of articles.replay, to be asked for; its partitions are fixed, so found once. */
    private Map<TopicPartition, OffsetSpec> ends;

    ReplayBacklog(Admin admin, String group, long maxAhead, PrintWriter err) {
        this.admin = admin;
        this.group = group;
        this.maxAhead = maxAhead;
        this.err = err;
        // The first record is checked too, so that a replay started behind an unfinished one waits at once.
        this.sinceCheck = CHECK_EVERY_RECORDS - 1;
    }

    /** Before a record is copied: waits while the group is more than {@code maxAhead} behind, or until stopped. */
    void beforeWrite(BooleanSupplier stop) throws Exception {
        if (admin == null || maxAhead <= 0 || ++sinceCheck < CHECK_EVERY_RECORDS) {
            return;
        }
        sinceCheck = 0;
        boolean said = false;
        while (!stop.getAsBoolean()) {
            long behind = behind();
            if (behind <= maxAhead) {
                return;
            }
            if (!said) {
                said = true;
                err.println("replay: waiting while " + group + " is " + behind + " records behind on "
                        + Topics.ARTICLES_REPLAY.name() + " (--max-ahead " + maxAhead + ")");
                err.flush();
            }
            TimeUnit.MILLISECONDS.sleep(WAIT_MS);
        }
    }

    /** Records of {@code articles.replay} the group has not committed past; 0 if it has committed nothing. */
    long behind() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                .forEach((partition, offset) -> {
                    if (offset != null && partition.topic().equals(Topics.ARTICLES_REPLAY.name())) {
                        committed.put(partition, offset);
                    }
                });
        if (committed.isEmpty()) {
            return 0;
        }
        if (ends == null) {
            int partitions = admin.describeTopics(List.of(Topics.ARTICLES_REPLAY.name())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.ARTICLES_REPLAY.name()).partitions().size();
            ends = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                ends.put(new TopicPartition(Topics.ARTICLES_REPLAY.name(), p), OffsetSpec.latest());
            }
        }
        long behind = 0;
        for (var end : admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(30, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            behind += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return behind;
    }
}
