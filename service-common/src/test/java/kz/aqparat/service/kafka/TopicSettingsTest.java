package kz.aqparat.service.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.Topics;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

    private final TopicSettings defaults = TopicSettings.of(12, (short) 3);

    @Test
    void retentionsParseAsAnOperatorWritesThem() {
        assertEquals(-1, TopicRetention.parse("forever").millis());
        assertEquals(-1, TopicRetention.parse("-1").millis());
        assertEquals(30L * 24 * 3600 * 1000, TopicRetention.parse("30d").millis());
        assertEquals(12L * 3600 * 1000, TopicRetention.parse("12h").millis());
        assertEquals(7L * 24 * 3600 * 1000, TopicRetention.parse("P7D").millis());
        assertEquals(604800000L, TopicRetention.parse("604800000").millis());
        assertEquals("30d", TopicRetention.parse("P30D").toString());
        assertThrows(IllegalArgumentException.class, () -> TopicRetention.parse("a month"));
        assertThrows(IllegalArgumentException.class, () -> TopicRetention.parse("0"));
    }

    @Test
    void topicsAreCreatedToKeepTheRecord() {
        Map<String, String> raw = defaults.configsFor(Topics.ARTICLES_RAW);
        assertEquals("delete", raw.get("cleanup.policy"));
        assertEquals("-1", raw.get("retention.ms"));
        assertEquals("-1", raw.get("retention.bytes"));
        assertEquals("2", raw.get("min.insync.replicas"));
        assertEquals("-1", defaults.configsFor(Topics.ARTICLES_ENRICHED).get("retention.ms"));
        assertEquals(Long.toString(30L * 24 * 3600 * 1000), defaults.configsFor(Topics.ARTICLES_DLQ).get("retention.ms"));
        assertEquals(Long.toString(7L * 24 * 3600 * 1000), defaults.configsFor(Topics.ARTICLES_REPLAY).get("retention.ms"));
        assertEquals("LogAppendTime", defaults.configsFor(Topics.ARTICLES_REPLAY).get("message.timestamp.type"));
        Map<String, String> store = defaults.configsFor(Topics.ARTICLES_STORE);
        assertEquals("compact", store.get("cleanup.policy"));
        assertTrue(!store.containsKey("retention.ms"));
        assertTrue(!TopicSettings.of(12, (short) 1).configsFor(Topics.ARTICLES_RAW).containsKey("min.insync.replicas"));
    }

    @Test
    void aDeadLetterQueueShorterThanThirtyDaysIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopicSettings(12,
                (short) 1, TopicRetention.FOREVER, TopicRetention.FOREVER, TopicRetention.parse("7d"),
                TopicRetention.parse("7d")));
        assertTrue(e.getMessage().contains("AQPARAT_TOPIC_DLQ_RETENTION"), e.getMessage());
    }

    @Test
    void theBrokersSevenDayDefaultOnArticlesRawIsAProblem() {
        Map<String, String> actual = new HashMap<>(defaults.configsFor(Topics.ARTICLES_RAW));
        assertEquals(List.of(), defaults.problems(Topics.ARTICLES_RAW, 12, 3, actual));
        actual.put("retention.ms", "604800000");
        actual.put("retention.bytes", "1073741824");
        actual.put("min.insync.replicas", "1");
        List<String> problems = defaults.problems(Topics.ARTICLES_RAW, 3, 3, actual);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("articles.raw has 3 partitions, this pipeline expects 12"), problems.get(0));
        assertTrue(problems.get(1).startsWith("articles.raw has retention.ms=604800000 (7d)"), problems.get(1));
    }

    @Test
    void aLongerRetentionIsNoProblemButACompactedRawTopicOrADeletingStoreIs() {
        Map<String, String> dlq = new HashMap<>(defaults.configsFor(Topics.ARTICLES_DLQ));
        dlq.put("retention.ms", "-1");
        assertEquals(List.of(), defaults.problems(Topics.ARTICLES_DLQ, 12, 3, dlq));
        Map<String, String> raw = new HashMap<>(defaults.configsFor(Topics.ARTICLES_RAW));
        raw.put("cleanup.policy", "compact");
        assertEquals(1, defaults.problems(Topics.ARTICLES_RAW, 12, 3, raw).size());
        Map<String, String> replay = new HashMap<>(defaults.configsFor(Topics.ARTICLES_REPLAY));
        assertEquals(List.of(), defaults.problems(Topics.ARTICLES_REPLAY, 12, 3, replay));
        replay.put("message.timestamp.type", "CreateTime");
        assertTrue(defaults.problems(Topics.ARTICLES_REPLAY, 12, 3, replay).get(0)
                .startsWith("articles.replay has message.timestamp.type=CreateTime"));
        Map<String, String> store = new HashMap<>(defaults.configsFor(Topics.ARTICLES_STORE));
        store.put("cleanup.policy", "compact,delete");
        assertTrue(defaults.problems(Topics.ARTICLES_STORE, 12, 3, store).get(0)
                .startsWith("articles.store has cleanup.policy=compact,delete"));
    }

    @Test
    void thePartitionRefusalSaysWhatToDo() {
        String message = defaults.partitionMismatch("articles.raw", 3);
        assertTrue(message.startsWith("articles.raw has 3 partitions, this pipeline expects 12"), message);
        assertTrue(message.contains("AQPARAT_TOPIC_PARTITIONS=3"), message);
    }
}
