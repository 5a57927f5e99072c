package kz.aqparat.cli.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import kz.aqparat.contracts.Topics;
import kz.aqparat.cli.local.KafkaClients;
import kz.aqparat.cli.local.LocalBroker;
import kz.aqparat.cli.local.LocalPipeline;
import org.apache.kafka.clients.admin.Admin;

/**
 * One fault, injected mid-load into a {@link ChaosStack}: what breaks, how long it stays broken, how it is repaired.
 * {@link #repair} returns once the stack is whole again (every broker back in the cluster, every service healthy).
 */
enum Scenario {

    /** SIGKILL of one broker of three (the active controller, the hardest one to lose), restarted later. */
    BROKER_KILL("broker-kill", Duration.ofSeconds(12)) {
        @Override
        List<LocalBroker> inject(ChaosStack stack) {
            LocalBroker victim = stack.broker(activeController(stack));
            victim.kill();
            return List.of(victim);
        }
    },
    /** SIGKILL of enrich-service, started again: its Streams task resumes from the last committed transaction. */
    ENRICH_KILL("enrich-kill", Duration.ofSeconds(2)) {
        @Override
        List<LocalBroker> inject(ChaosStack stack) {
            stack.service(LocalPipeline.ENRICH).kill();
            return List.of();
        }
    },
    STORE_KILL("store-kill", Duration.ofSeconds(2)) {
        @Override
        List<LocalBroker> inject(ChaosStack stack) {
            stack.service(LocalPipeline.STORE).kill();
            return List.of();
        }
    },
    /** SIGKILL of ingest with requests in flight: an article written but not yet answered is pushed again. */
    INGEST_KILL("ingest-kill", Duration.ofSeconds(2)) {
        @Override
        List<LocalBroker> inject(ChaosStack stack) {
            stack.service(LocalPipeline.INGEST).kill();
            return List.of();
        }
    },
    /** The whole stack stopped as an operator stops it (services, then brokers) and started again on its data. */
    STACK_RESTART("stack-restart", Duration.ofSeconds(2)) {
        @Override
        List<LocalBroker> inject(ChaosStack stack) {
            stack.stop();
            return List.of();
        }

        @Override
        void repair(ChaosStack stack, List<LocalBroker> broken) {
            stack.start();
        }
    },
    /**
     * SIGKILL of two brokers of three (all but the leader of most {@code articles.raw} partitions): fewer than {@code min.insync.replicas} replicas are left (and no controller
     * majority), so Kafka cannot take a write; ingest must answer 503 with {@code Retry-After} within its send
     * timeout, and no 202. Both are restarted after a while.
     */
    KAFKA_UNWRITABLE("kafka-unwritable", Duration.ofSeconds(12)) {
        @Override
        List<LocalBroker> inject(ChaosStack stack) {
            // The survivor leads most of articles.raw, so that ingest's writes reach a leader that has them but
            // cannot get them replicated (NOT_ENOUGH_REPLICAS, timeouts), not only leaderless partitions.
            int survivor = leaderOfMostRawPartitions(stack);
            List<LocalBroker> victims = new ArrayList<>();
            for (int i = 1; i <= ChaosStack.BROKERS; i++) {
                if (i != survivor) {
                    victims.add(stack.broker(i));
                }
            }
            victims.forEach(LocalBroker::kill);
            return victims;
        }

        @Override
        boolean writesRefused() {
            return true;
        }
    };

    private final String id;
    private final Duration downtime;

    Scenario(String id, Duration downtime) {
        this.id = id;
        this.downtime = downtime;
    }

    /** The name on the command line and in the report. */
    String id() {
        return id;
    }

    /** How long the fault lasts before {@link #repair}. */
    Duration downtime() {
        return downtime;
    }

    /** Whether Kafka cannot take writes while the fault lasts. */
    boolean writesRefused() {
        return false;
    }

    /** Breaks the stack; returns the brokers it killed. */
    abstract List<LocalBroker> inject(ChaosStack stack);

    /** Starts what was killed again and waits until the stack is whole. */
    void repair(ChaosStack stack, List<LocalBroker> broken) {
        broken.forEach(LocalBroker::restart);
        stack.cluster().awaitReady();
        for (String name : stack.deadServices()) {
            stack.service(name).restart();
        }
        stack.awaitServicesHealthy();
    }

    static Scenario byId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + id + "; known: "
                        + Arrays.stream(values()).map(Scenario::id).toList()));
    }

    private static int leaderOfMostRawPartitions(ChaosStack stack) {
        try (Admin admin = KafkaClients.admin(stack.bootstrapServers(), 10_000)) {
            Map<Integer, Long> led = admin.describeTopics(List.of(Topics.ARTICLES_RAW.name())).allTopicNames().get()
                    .get(Topics.ARTICLES_RAW.name()).partitions().stream()
                    .filter(p -> p.leader() != null)
                    .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
            return led.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1);
        } catch (Exception e) {
            return 1;
        }
    }

    /** The node id of the active KRaft controller (the quorum leader), or 1 if it cannot be told. */
    private static int activeController(ChaosStack stack) {
        try (Admin admin = KafkaClients.admin(stack.bootstrapServers(), 10_000)) {
            return admin.describeMetadataQuorum().quorumInfo().get().leaderId();
        } catch (Exception e) {
            return 1;
        }
    }
}
