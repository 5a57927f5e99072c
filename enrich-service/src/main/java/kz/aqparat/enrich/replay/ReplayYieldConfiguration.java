package kz.aqparat.enrich.replay;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/**
 * {@code aqparat.enrich.replay.yield.*}: when the replay application pauses so that new articles keep their latency.
 * {@code watch} lists {@code group=topic} pairs, the consumer groups behind which a replay must not run ahead;
 * {@code max-lag} ≤ 0 turns yielding off.
 */
@ConfigurationProperties("aqparat.enrich.replay.yield")
public class ReplayYieldConfiguration {

    private List<String> watch = List.of();
    private long maxLag = 100;
    private long resumeLag = 20;
    private Duration interval = Duration.ofMillis(200);

    public List<String> getWatch() {
        return watch;
    }

    public void setWatch(List<String> watch) {
        this.watch = List.copyOf(watch);
    }

    public long getMaxLag() {
        return maxLag;
    }

    public void setMaxLag(long maxLag) {
        this.maxLag = maxLag;
    }

    public long getResumeLag() {
        return resumeLag;
    }

    public void setResumeLag(long resumeLag) {
        this.resumeLag = resumeLag;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    /** The watched groups and their topics, from {@code group=topic} entries. */
    List<WatchedGroup> watched() {
        return watch.stream().map(WatchedGroup::parse).toList();
    }

    /** A consumer group and the topic on which its lag is read. */
    record WatchedGroup(String group, String topic) {

        static WatchedGroup parse(String entry) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(
                        "aqparat.enrich.replay.yield.watch: expected group=topic, got '" + entry + "'");
            }
            return new WatchedGroup(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }

        @Override
        public String toString() {
            return group + " on " + topic;
        }
    }
}
