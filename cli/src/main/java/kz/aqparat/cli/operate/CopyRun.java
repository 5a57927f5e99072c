package kz.aqparat.cli.operate;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * One run that copies selected records to pipeline topics ({@code replay}, {@code dlq redrive}): the idempotent
 * producer, {@code --rate}, the counts (read, written, skipped per reason, failed) and the run's record in
 * {@link ProgressTopic}, written at the start, at most once a second, and at the end. With {@code dryRun} nothing is
 * written anywhere: a record that would be written is counted as written.
 */
public final class CopyRun implements AutoCloseable {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What a finished run did. */
    public record Summary(String id, String kind, boolean dryRun, String state, long total, long read, long written,
                          Map<String, Long> skipped, long failed, String firstFailure, String error, double seconds,
                          Map<String, Map<Integer, Long>> targetEndOffsets) {
        public long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final String id;
    private final String kind;
    private final String source;
    private final Map<String, Object> selection;
    private final boolean dryRun;
    private final Pacer pacer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final String host = host();

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, AtomicLong> skipped = new LinkedHashMap<>();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    /** A send error after which going on makes no sense (not a problem of that one record). */
    private final AtomicReference<Exception> fatal = new AtomicReference<>();
    private final Map<String, Map<Integer, Long>> targetEnd = new TreeMap<>();
    private long total;
    private long scanned;
    private long lastProgressNanos;

    public CopyRun(KafkaOptions kafka, String kind, String source, Map<String, Object> selection, boolean dryRun,
                   double rate) {
        this.kind = kind;
        this.id = kind + "-" + ID_TIME.format(startedAt) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        this.source = source;
        this.selection = selection;
        this.dryRun = dryRun;
        this.pacer = new Pacer(rate);
        this.producer = dryRun ? null : kafka.writer("aqparat-" + id);
        if (!dryRun) {
            try (Admin admin = kafka.admin("aqparat-" + id + "-admin")) {
                ProgressTopic.ensureExists(admin);
            } catch (Exception e) {
                producer.close(Duration.ZERO);
                throw new IllegalStateException("cannot create " + ProgressTopic.NAME + ": " + rootMessage(e), e);
            }
        }
    }

    public String id() {
        return id;
    }

    /** Announces the run ({@code running}) with the number of offsets it will read. */
    public void start(long totalOffsets) {
        this.total = totalOffsets;
        progress(RunProgress.RUNNING, null);
    }

    public void read() {
        read.incrementAndGet();
    }

    public void skip(String reason) {
        synchronized (skipped) {
            skipped.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Sends one record, paced by {@code --rate}; throws the first fatal send error of an earlier record. */
    public void write(ProducerRecord<byte[], byte[]> record) throws Exception {
        Exception stop = fatal.get();
        if (stop != null) {
            throw stop;
        }
        if (dryRun) {
            written.incrementAndGet();
            return;
        }
        pacer.acquire();
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                written.incrementAndGet();
                synchronized (targetEnd) {
                    targetEnd.computeIfAbsent(metadata.topic(), t -> new TreeMap<>())
                            .merge(metadata.partition(), metadata.offset() + 1, Math::max);
                }
                return;
            }
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, record.topic() + " refused the record of "
                    + (record.key() == null ? "no key" : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8))
                    + ": " + error.getMessage());
            if (!(error instanceof RecordTooLargeException) && !(error instanceof InvalidRecordException)) {
                fatal.compareAndSet(null, error);
            }
        });
    }

    /** Offsets read so far; writes the progress record at most once a second. */
    public void scanned(long offsets) {
        this.scanned = offsets;
        long now = System.nanoTime();
        if (now - lastProgressNanos >= Duration.ofSeconds(1).toNanos()) {
            lastProgressNanos = now;
            progress(RunProgress.RUNNING, null);
        }
    }

    public long writtenSoFar() {
        return written.get();
    }

    public long skippedSoFar() {
        synchronized (skipped) {
            return skipped.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    /**
     * Waits until Kafka has every record sent, writes the final progress record and returns the summary.
     *
     * @param complete whether every record in the bounds was read (false: stopped)
     * @param error    why the run failed, or null
     */
    public Summary finish(boolean complete, Exception error) {
        if (producer != null) {
            producer.flush();
        }
        if (error == null && fatal.get() != null) {
            error = fatal.get();
        }
        String state = error != null ? RunProgress.FAILED
                : !complete ? RunProgress.STOPPED : RunProgress.DONE;
        String why = error == null ? null : error.getMessage() != null ? error.getMessage() : rootMessage(error);
        progress(state, why);
        if (producer != null) {
            producer.flush();
        }
        return new Summary(id, kind, dryRun, state, total, read.get(), written.get(), skippedCounts(), failed.get(),
                firstFailure.get(), why, seconds(), targetEndOffsets());
    }

    private void progress(String state, String error) {
        if (producer == null) {
            return;
        }
        double seconds = seconds();
        ProgressTopic.send(producer, new RunProgress(id, kind, state, host, startedAt, Instant.now(), source,
                selection, total, scanned, read.get(), written.get(), skippedCounts(), failed.get(),
                seconds > 0 ? Math.round(read.get() / seconds * 10) / 10.0 : 0, targetEndOffsets(), error));
    }

    private Map<String, Long> skippedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        synchronized (skipped) {
            skipped.forEach((reason, n) -> counts.put(reason, n.get()));
        }
        return counts;
    }

    private Map<String, Map<Integer, Long>> targetEndOffsets() {
        Map<String, Map<Integer, Long>> copy = new TreeMap<>();
        synchronized (targetEnd) {
            targetEnd.forEach((topic, offsets) -> copy.put(topic, Map.copyOf(offsets)));
        }
        return copy;
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(30));
        }
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
