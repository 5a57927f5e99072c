package kz.aqparat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.aqparat.cli.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code diskMb}: what the history occupies, the store-service's Kafka Streams state directory (local stack) and the
 * broker's log size per topic ({@code Admin.describeLogDirs}), in MB.
 */
final class StorageUse {

    private StorageUse() {
    }

    static double directoryMb(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // deleted meanwhile
                }
            }).sum() / 1e6;
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    /** Topic name to MB on the brokers (all replicas), topics holding more than 0.05 MB only. */
    static Map<String, Double> topicsMb(String bootstrap) {
        Map<String, Double> sizes = new TreeMap<>();
        try (Admin admin = Admin.create(KafkaClientSettings.forClient(bootstrap))) {
            var brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(n -> n.id()).toList();
            admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values().forEach(dirs ->
                    dirs.values().forEach(dir -> dir.replicaInfos().forEach((tp, info) ->
                            sizes.merge(tp.topic(), info.size() / 1e6, Double::sum))));
        } catch (Exception e) {
            return Map.of();
        }
        sizes.values().removeIf(mb -> mb < 0.05);
        sizes.replaceAll((t, mb) -> BenchRun.round(mb, 1));
        return sizes;
    }
}
