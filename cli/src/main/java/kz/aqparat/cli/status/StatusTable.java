package kz.aqparat.cli.status;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.aqparat.service.kafka.TopicRetention;
import kz.aqparat.service.status.StatusReport;

/** {@code ./pipeline status} as text for a terminal. */
final class StatusTable {

    private final PrintWriter out;

    StatusTable(PrintWriter out) {
        this.out = out;
    }

    void print(StatusReport report, List<ServiceHealth> services) {
        StatusReport.Broker broker = report.broker();
        if (!broker.reachable()) {
            out.printf("broker      %s  UNREACHABLE: %s%n", broker.bootstrapServers(), broker.error());
        } else {
            out.printf("broker      %s  reachable, cluster %s, %d node(s)%s%n", broker.bootstrapServers(),
                    broker.clusterId(), broker.nodes(), broker.error() == null ? "" : "; " + broker.error());
        }
        if (!report.topics().isEmpty()) {
            out.println();
            out.printf("%-18s %10s %11s %-8s %-10s %10s%n", "topic", "partitions", "replication", "cleanup",
                    "retention", "offsets");
            for (StatusReport.TopicStatus t : report.topics()) {
                if (!t.exists()) {
                    out.printf("%-18s missing%n", t.name());
                    continue;
                }
                String cleanup = t.configs().getOrDefault("cleanup.policy", "?");
                String retention = cleanup.contains("delete") ? retention(t.configs()) : "-";
                out.printf("%-18s %10d %11d %-8s %-10s %10d%n", t.name(), t.partitions(), t.replication(), cleanup,
                        retention, t.offsets());
            }
            out.println("  (offsets: end minus start offset, summed over partitions: records plus transaction "
                    + "markers)");
            report.topics().forEach(t -> t.problems().forEach(p -> out.println("  ! " + p)));
        }
        if (!report.groups().isEmpty()) {
            out.println();
            out.println("consumer groups (lag = end offset - committed offset)");
            for (StatusReport.GroupStatus g : report.groups()) {
                out.printf("  %-28s %-12s lag %d%n", g.group(), g.state(), g.lag());
                Map<String, List<StatusReport.PartitionLag>> byTopic = g.partitions().stream()
                        .collect(Collectors.groupingBy(StatusReport.PartitionLag::topic,
                                java.util.TreeMap::new, Collectors.toList()));
                byTopic.forEach((topic, lags) -> out.printf("    %-18s lag %d  by partition: %s%n", topic,
                        lags.stream().mapToLong(StatusReport.PartitionLag::lag).sum(),
                        lags.stream().map(l -> l.partition() + ":" + l.lag()).collect(Collectors.joining(" "))));
            }
        }
        StatusReport.Freshness f = report.freshness();
        if (f != null) {
            out.println();
            out.printf("freshness   newest in articles.raw %s, in articles.store %s%s%n",
                    f.newestRaw() == null ? "none" : age(f.rawAgeMs()) + " ago (" + f.newestRaw() + ")",
                    f.newestStore() == null ? "none" : age(f.storeAgeMs()) + " ago (" + f.newestStore() + ")",
                    f.storeBehindMs() == null ? "" : "; the store is " + age(f.storeBehindMs()) + " behind");
        }
        StatusReport.DeadLetters d = report.deadLetters();
        if (d != null) {
            out.printf("dead letters  last hour %d, last day %d%s; in articles.dlq %d offsets%n", d.lastHour(),
                    d.lastDay(), d.truncated() ? " (at least: only the newest were read)" : "", d.offsets());
            d.byStage().forEach((stage, c) -> out.printf("    %-24s last hour %d, last day %d%n", stage,
                    c.lastHour(), c.lastDay()));
        }
        if (report.broker().reachable() && report.freshness() != null) {
            if (report.replays().isEmpty()) {
                out.println("replays     none in progress");
            }
            report.replays().forEach(r -> out.printf("replays     replay in progress: %d left (%s on articles.replay)%n",
                    r.left(), r.group()));
        }
        out.println();
        for (ServiceHealth s : services) {
            out.printf("%-15s %-24s %s%s%n", s.name(), s.url(), s.status(),
                    s.error() != null ? ": " + s.error() : s.down().isEmpty() ? "" : " (" + String.join(", ",
                            s.down()) + ")");
        }
    }

    private static String retention(Map<String, String> configs) {
        String ms = configs.get("retention.ms");
        if (ms == null) {
            return "?";
        }
        long value = Long.parseLong(ms);
        return value < 0 ? "forever" : new TopicRetention(Math.max(1, value)).toString();
    }

    static String age(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        if (d.toSeconds() < 1) {
            return d.toMillis() + " ms";
        }
        if (d.toMinutes() < 2) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() < 2) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h";
        }
        return d.toDays() + " d";
    }
}
