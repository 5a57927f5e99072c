package kz.aqparat.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private static final Duration QUICK_DEATH = Duration.ofSeconds(2);

    @Test
    void doublesFromOneSecondUpToThirtyWhileTheProcessKeepsDyingQuickly() {
        RestartBackoff backoff = RestartBackoff.standard();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(backoff.next(QUICK_DEATH).toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), delays);
    }

    @Test
    void startsOverAfterTheProcessRanLongEnough() {
        RestartBackoff backoff = RestartBackoff.standard();
        backoff.next(QUICK_DEATH);
        backoff.next(QUICK_DEATH);
        assertEquals(Duration.ofSeconds(4), backoff.next(QUICK_DEATH));
        assertEquals(Duration.ofSeconds(1), backoff.next(Duration.ofSeconds(60)), "healthy for 60 s: a new crash");
        assertEquals(Duration.ofSeconds(2), backoff.next(Duration.ofSeconds(59)));
        assertEquals(2, backoff.failures());
    }

    @Test
    void neverWaitsLongerThanTheMaximumEvenAfterManyDeaths() {
        RestartBackoff backoff = new RestartBackoff(Duration.ofMillis(300), Duration.ofSeconds(5),
                Duration.ofMinutes(1));
        Duration last = Duration.ZERO;
        for (int i = 0; i < 1000; i++) {
            last = backoff.next(Duration.ZERO);
        }
        assertEquals(Duration.ofSeconds(5), last);
    }

    @Test
    void refusesAMaximumBelowTheFirstDelay() {
        assertThrows(IllegalArgumentException.class,
                () -> new RestartBackoff(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RestartBackoff(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(1)));
    }
}
