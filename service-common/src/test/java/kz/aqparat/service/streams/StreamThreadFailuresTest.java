package kz.aqparat.service.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

    @Test
    void aDeadStreamThreadIsReplacedRatherThanShuttingTheApplicationDown() {
        StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10));
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD,
                failures.handler().handle(new InvalidTxnStateException("after a broker failover")));
    }

    @Test
    void replacementsAreBoundedWithinTheWindowAndAllowedAgainAfterIt() {
        StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10));
        long start = 0;
        assertTrue(failures.replace(start));
        assertTrue(failures.replace(start + TimeUnit.MINUTES.toNanos(1)));
        assertTrue(failures.replace(start + TimeUnit.MINUTES.toNanos(2)));
        assertFalse(failures.replace(start + TimeUnit.MINUTES.toNanos(3)), "a fourth within 10 minutes");
        assertTrue(failures.replace(start + TimeUnit.MINUTES.toNanos(11)), "the first has left the window");
        assertFalse(failures.replace(start + TimeUnit.MINUTES.toNanos(11)), "three within the last 10 minutes again");
    }
}
