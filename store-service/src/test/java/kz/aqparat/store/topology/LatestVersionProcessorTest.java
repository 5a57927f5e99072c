package kz.aqparat.store.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Stores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The processor as Kafka Streams drives it when a task is revived (a dirty close under exactly-once, for instance
 * when the partitions of a killed instance move): {@code close} and then {@code init} again on the same instance.
 */
class LatestVersionProcessorTest {

    @Test
    void anArticleProcessedAfterTheProcessorIsInitialisedAgainIsCountedOnce() throws Exception {
        MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();
        KeyValueStore<String, EntityCount> entities = store(context, Stores.ENTITIES_VIEW.name(),
                StoreValueSerdes.ENTITY_COUNT);
        KeyValueStore<String, DayCount> timeline = store(context, Stores.TIMELINE_VIEW.name(),
                StoreValueSerdes.DAY_COUNT);
        store(context, Stores.REGIONS_VIEW.name(), StoreValueSerdes.REGION_COUNT);
        store(context, Stores.ARTICLE_VERSIONS.name(), StoreValueSerdes.ARTICLE_VERSION);
        store(context, Stores.ARTICLE_INDEX.name(), StoreValueSerdes.INDEXED_ARTICLE);

        LatestVersionProcessor processor = new LatestVersionProcessor(ViewListener.NONE, VersionListener.NONE);
        processor.init(context);
        processor.close();
        processor.init(context);

        String text = "Аида Балаева выступила в Астане.";
        byte[] json = Json.mapper().writeValueAsBytes(Articles.article("a-1", "2026-02-20T10:00:00Z", text,
                List.of(Articles.entity(EntityType.PERSON, "Аида Балаева", null, text, 1)), List.of(), "0.4.2",
                Instant.parse("2026-03-01T09:00:00Z"), 7L));
        processor.process(new Record<>("a-1", ReceivedArticle.serde().deserializer()
                .deserialize("articles.enriched", json), 0L));

        assertEquals(1, entities.get(EntityCount.key(EntityType.PERSON, "Аида Балаева")).articleCount());
        assertEquals(1, timeline.get("2026-02-20").articleCount());
    }

    private static <V> KeyValueStore<String, V> store(MockProcessorContext<String, byte[]> context, String name,
                                                       org.apache.kafka.common.serialization.Serde<V> serde) {
        KeyValueStore<String, V> store = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                        org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), (StateStore) store);
        context.addStateStore(store);
        return store;
    }
}
