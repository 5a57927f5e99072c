package kz.aqparat.store;

import static kz.aqparat.store.topology.Articles.article;
import static kz.aqparat.store.topology.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.testing.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One of two store instances stops cleanly (a rolling restart): the other answers for every article well within
 * the group's session timeout (45 s), because the stopped one left the group and the survivor held a standby copy
 * of its stores.
 */
class StoreHandoverIT {

    private static final int ARTICLES = 12;
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);

    private static KafkaBroker broker;
    private static RunningStore first;
    private static RunningStore second;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.inJvm();
        String applicationId = "store-handover-it-" + UUID.randomUUID();
        first = new RunningStore(broker, false, applicationId, true);
        second = new RunningStore(broker, false, applicationId, true);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, broker}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void theSurvivorAnswersForEveryArticleSoonAfterTheOtherStops() throws Exception {
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String text = "Аида Балаева посетила завод номер " + i + ".";
            articles.add(article("handover-" + i, "2026-02-" + (10 + i), text,
                    List.of(entity(EntityType.PERSON, "Аида Балаева", null, text, 1)), List.of(), "1.0",
                    Instant.parse("2026-03-01T10:00:00Z"), i));
        }
        RunningStore.await(Duration.ofSeconds(120), "both instances RUNNING",
                () -> first.get("/health").statusCode() == 200 && second.get("/health").statusCode() == 200);
        second.produce(articles);
        RunningStore.await(Duration.ofSeconds(90), "every article readable from the second instance",
                () -> articles.stream().allMatch(a -> second.get("/api/articles/" + a.id()).statusCode() == 200));

        long stopped = System.nanoTime();
        first.close();
        first = null;
        RunningStore.await(SESSION_TIMEOUT, "every article answered by the survivor alone",
                () -> articles.stream().allMatch(a -> second.get("/api/articles/" + a.id()).statusCode() == 200)
                        && second.get("/health").statusCode() == 200);
        Duration handover = Duration.ofNanos(System.nanoTime() - stopped);
        System.out.println("StoreHandoverIT: the survivor answered for every article " + handover.toMillis()
                + " ms after the other instance stopped");
        assertTrue(handover.compareTo(Duration.ofSeconds(30)) < 0, "handover took " + handover);
    }
}
