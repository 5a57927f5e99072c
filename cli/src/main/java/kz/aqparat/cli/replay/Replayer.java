package kz.aqparat.cli.replay;

import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import kz.aqparat.cli.operate.BoundedRead;
import kz.aqparat.cli.operate.CopyRun;
import kz.aqparat.cli.operate.KafkaOptions;
import kz.aqparat.cli.operate.ProgressDisplay;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Copies the selected records of {@code articles.raw} to {@code articles.replay}, which enrich-service reads beside
 * {@code articles.raw}: same key and value, every original header (the text fingerprint among them), and
 * {@link RecordHeaders#SOURCE_OFFSET} = the record's offset in {@code articles.raw}, its source version, so the
 * re-enriched article keeps its place among the versions of that article. The record timestamp is the time of the
 * copy, not the original's: {@code articles.replay}'s time-based retention must not delete a copy of an old article
 * before enrich has read it.
 *
 * <p>The pass is bounded by the end offsets of {@code articles.raw} at the start ({@link BoundedRead}), and starts at
 * {@code --from} through {@code offsetsForTimes}; new articles keep flowing through {@code articles.raw} meanwhile.
 */
public final class Replayer {

    private final KafkaOptions kafka;

    public Replayer(KafkaOptions kafka) {
        this.kafka = kafka;
    }

    /**
     * With {@code maxAhead} &gt; 0 the copy stays at most that many records ahead of {@code replayGroup}
     * ({@link ReplayBacklog}).
     */
    public CopyRun.Summary run(ReplaySelection selection, boolean dryRun, double rate, long maxAhead,
                               String replayGroup, boolean progress, java.io.PrintWriter err, BooleanSupplier stop) {
        try (CopyRun run = new CopyRun(kafka, "replay", Topics.ARTICLES_RAW.name(), selection.describe(), dryRun,
                rate);
             KafkaConsumer<byte[], byte[]> consumer = kafka.reader("aqparat-replay-reader");
             Admin admin = dryRun || maxAhead <= 0 ? null : kafka.admin("aqparat-replay-backlog")) {
            ReplayBacklog backlog = new ReplayBacklog(admin, replayGroup, maxAhead, err);
            if (!dryRun) {
                requireTarget(consumer);
            }
            BoundedRead read = new BoundedRead(consumer, Topics.ARTICLES_RAW.name(), selection.from());
            run.start(read.total());
            boolean complete = false;
            Exception error = null;
            try (ProgressDisplay display = ProgressDisplay.of(dryRun ? "replay (dry run)" : "replay", read.total(),
                    progress, err)) {
                complete = read.forEach(record -> copy(record, selection, run, backlog, stop), stop, covered -> {
                    run.scanned(covered);
                    display.update(covered, (dryRun ? "would replay " : "replayed ") + run.writtenSoFar()
                            + ", skipped " + run.skippedSoFar());
                });
            } catch (Exception e) {
                error = kafka.explain(e);
            }
            return run.finish(complete, error);
        }
    }

    private static void copy(ConsumerRecord<byte[], byte[]> record, ReplaySelection selection, CopyRun run,
                             ReplayBacklog backlog, BooleanSupplier stop) throws Exception {
        run.read();
        ReplaySelection.Skip skip = selection.judge(record);
        if (skip != null) {
            run.skip(skip.name());
            return;
        }
        backlog.beforeWrite(stop);
        run.write(new ProducerRecord<>(Topics.ARTICLES_REPLAY.name(), null, null, record.key(), record.value(),
                withSourceOffset(record.headers(), record.offset())));
    }

    /** The original headers, in order, with {@link RecordHeaders#SOURCE_OFFSET} set to {@code offset}. */
    static Headers withSourceOffset(Iterable<org.apache.kafka.common.header.Header> original, long offset) {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        for (org.apache.kafka.common.header.Header header : original) {
            if (!header.key().equals(RecordHeaders.SOURCE_OFFSET)) {
                headers.add(header.key(), header.value());
            }
        }
        headers.add(RecordHeaders.SOURCE_OFFSET, Long.toString(offset).getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    private static void requireTarget(KafkaConsumer<byte[], byte[]> consumer) {
        if (!consumer.listTopics().containsKey(Topics.ARTICLES_REPLAY.name())) {
            throw new IllegalStateException(Topics.ARTICLES_REPLAY.name() + " does not exist: start the pipeline "
                    + "(its services create it) with a version that reads it");
        }
    }
}
