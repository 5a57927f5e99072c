package kz.aqparat.cli.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A local Kafka cluster of one or more {@link LocalBroker}s. With several, every node is both broker and
 * controller ({@code process.roles=broker,controller}) and the nodes form a static controller quorum
 * ({@code controller.quorum.voters}): with three, any one of them may die and the cluster still elects leaders and
 * takes writes; topics get replication 3 and {@code min.insync.replicas=2}, so an acknowledged record is on two
 * brokers at least.
 *
 * <p>Layout: one broker lives in {@code <dir>/} itself (as {@code ./pipeline up} always had it); node {@code i} of
 * several in {@code <dir>/broker-<i>/}, with one {@code <dir>/cluster.id} for all. Broker {@code i} (from 1) listens
 * on {@code kafkaPort + i - 1}, its controller on {@code controllerPort + i - 1}.
 */
public final class LocalCluster implements AutoCloseable {

    private final List<LocalBroker> brokers;

    private LocalCluster(List<LocalBroker> brokers) {
        this.brokers = brokers;
    }

    /** Formats what is new, starts every broker side by side (a quorum needs a majority to elect a leader), and
     *  waits until each sees all of them. Broker {@code i} listens on {@code kafkaPort + i - 1}. */
    public static LocalCluster start(Path kafkaLibs, Path dir, int size, int kafkaPort, int controllerPort,
                                     Path logsDir, List<String> jvmOptions) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one broker, not " + size);
        }
        List<Integer> ports = IntStream.range(0, size).mapToObj(i -> kafkaPort + i).toList();
        List<Integer> controllerPorts = IntStream.range(0, size).mapToObj(i -> controllerPort + i).toList();
        return start(kafkaLibs, dir, ports, controllerPorts, logsDir, jvmOptions);
    }

    /** As above, with the ports of each broker and controller given one by one (e.g. free ports for a test). */
    public static LocalCluster start(Path kafkaLibs, Path dir, List<Integer> ports, List<Integer> controllerPorts,
                                     Path logsDir, List<String> jvmOptions) {
        int size = ports.size();
        if (size == 1) {
            return new LocalCluster(List.of(LocalBroker.start(kafkaLibs, dir, ports.get(0), controllerPorts.get(0),
                    logsDir.resolve("kafka.log"), jvmOptions)));
        }
        String voters = IntStream.rangeClosed(1, size)
                .mapToObj(i -> i + "@localhost:" + controllerPorts.get(i - 1))
                .collect(Collectors.joining(","));
        List<LocalBroker> brokers = new ArrayList<>();
        LocalCluster cluster = new LocalCluster(brokers);
        try {
            for (int i = 1; i <= size; i++) {
                LocalBroker.Node node = new LocalBroker.Node(i, ports.get(i - 1), controllerPorts.get(i - 1), voters,
                        size);
                brokers.add(LocalBroker.prepare(kafkaLibs, dir.resolve("broker-" + i), dir.resolve("cluster.id"),
                        node, logsDir.resolve("kafka-" + i + ".log"), jvmOptions));
            }
            brokers.forEach(broker -> broker.launch(false));
            cluster.awaitReady();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Waits until every broker answers and sees all the others. */
    public void awaitReady() {
        brokers.forEach(broker -> broker.awaitReady(brokers.size()));
    }

    public List<LocalBroker> brokers() {
        return List.copyOf(brokers);
    }

    /** Broker {@code i}, from 1. */
    public LocalBroker broker(int i) {
        return brokers.get(i - 1);
    }

    public int size() {
        return brokers.size();
    }

    /** Every broker's address, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return brokers.stream().map(LocalBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** Starts every broker that is not running again on its data, side by side, and waits until all are back. */
    public void restartStopped() {
        brokers.stream().filter(b -> !b.process().isAlive()).forEach(LocalBroker::restart);
        awaitReady();
    }

    /** Stops the brokers side by side (controlled shutdown) and waits for each. */
    @Override
    public void close() {
        brokers.stream().filter(b -> b.process() != null).forEach(b -> b.process().requestStop());
        brokers.stream().filter(b -> b.process() != null).forEach(LocalBroker::close);
    }
}
