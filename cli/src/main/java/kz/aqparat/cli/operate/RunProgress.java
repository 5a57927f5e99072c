package kz.aqparat.cli.operate;

import java.time.Instant;
import java.util.Map;

/**
 * The value of a record in {@link ProgressTopic} ({@code articles.replay.progress}): how far one run of
 * {@code ./pipeline replay} or {@code ./pipeline dlq redrive} is. Written as JSON ({@code kz.aqparat.contracts.Json})
 * under key {@link #id()}, at the start, about once a second while it runs, and at the end. The format is
 * documented in {@code docs/cli.md} ("Watching a replay") for readers such as {@code ./pipeline status}.
 *
 * @param id               the run, e.g. {@code replay-20261202T013000Z-1a2b}
 * @param kind             {@code replay} or {@code redrive}
 * @param state            {@code running}, {@code done} (every selected record written), {@code stopped}
 *                         (Ctrl-C), or {@code failed} ({@link #error()} says why)
 * @param host             where the command runs
 * @param startedAt        when the run started
 * @param updatedAt        when this record was written; a {@code running} record older than a few seconds
 *                         belongs to a command that was killed
 * @param source           the topic read ({@code articles.raw} or {@code articles.dlq})
 * @param selection        the options that select records, as given (e.g. {@code from}, {@code to}, {@code ids},
 *                         {@code source}, {@code stage}, {@code since})
 * @param total            offsets to read in all ({@code source}'s end offsets at the start minus the start offsets)
 * @param scanned          of those, read so far
 * @param read             records read (scanned minus transaction markers)
 * @param written          records written to the target topics and acknowledged by Kafka
 * @param skipped          records read but not written, per reason (e.g. {@code tombstone}, {@code outsideWindow})
 * @param failed           records Kafka refused to take
 * @param ratePerSecond    records read per second since the start
 * @param targetEndOffsets per target topic and partition, the offset after the last record written: the run's
 *                         records are processed once every consumer group of that topic has committed these offsets
 * @param error            why a {@code failed} run failed; null otherwise
 */
public record RunProgress(
        String id,
        String kind,
        String state,
        String host,
        Instant startedAt,
        Instant updatedAt,
        String source,
        Map<String, Object> selection,
        long total,
        long scanned,
        long read,
        long written,
        Map<String, Long> skipped,
        long failed,
        double ratePerSecond,
        Map<String, Map<Integer, Long>> targetEndOffsets,
        String error) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String STOPPED = "stopped";
    public static final String FAILED = "failed";
}
