package kz.aqparat.enrich.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YieldDecisionTest {

    private final YieldDecision decision = new YieldDecision(100, 20);

    @Test
    void pausesAboveTheMaximumAndResumesOnlyOnceWithinTheResumeLag() {
        assertFalse(decision.paused(false, 100));
        assertTrue(decision.paused(false, 101));
        // Between the two thresholds it keeps what it is doing, so that it does not flap.
        assertTrue(decision.paused(true, 60));
        assertFalse(decision.paused(false, 60));
        assertFalse(decision.paused(true, 20));
    }

    @Test
    void aMaximumOfZeroNeverPauses() {
        YieldDecision off = new YieldDecision(0, 0);
        assertFalse(off.enabled());
        assertFalse(off.paused(true, 1_000_000));
    }

    @Test
    void aResumeLagAboveTheMaximumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new YieldDecision(10, 11));
    }

    @Test
    void watchEntriesAreGroupEqualsTopic() {
        ReplayYieldConfiguration config = new ReplayYieldConfiguration();
        config.setWatch(List.of("aqparat-store-v3=articles.enriched"));
        assertEquals(List.of(new ReplayYieldConfiguration.WatchedGroup("aqparat-store-v3", "articles.enriched")),
                config.watched());
        config.setWatch(List.of("no-topic"));
        assertThrows(IllegalArgumentException.class, config::watched);
    }
}
