package kz.aqparat.store.topology;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import kz.aqparat.contracts.ArticleVersion;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RegionCount;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StoreValueSerdesTest {

    private static final String TOPIC = "store-test-view-entities-changelog";
    private static final int VALUES = 3000;
    private static final List<String> NAMES = Arrays.asList(null, "", "Қасым-Жомарт Тоқаев", "Аида Балаева", "Qarmet",
            "ТОО «Қазақстан темір жолы»", "Ұлытау облысы", "2026-02-18", DayCount.UNKNOWN, "emoji 😀 𝄞 ok",
            "x".repeat(300), "Ё".repeat(5000));
    private static final List<Long> COUNTS = List.of(0L, 1L, -1L, 2L, -2L, 63L, 64L, -64L, -65L, 127L, 128L,
            Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE);

    private final Random random = new Random(20260301);

    @Test
    void everyValueReadsBackAsWritten() {
        for (int i = 0; i < VALUES; i++) {
            assertRoundTrip(StoreValueSerdes.ENTITY_COUNT, entityCount(), BinaryStoreSerde.FORMAT);
            assertRoundTrip(StoreValueSerdes.REGION_COUNT, regionCount(), BinaryStoreSerde.FORMAT);
            assertRoundTrip(StoreValueSerdes.DAY_COUNT, dayCount(), BinaryStoreSerde.FORMAT);
            assertRoundTrip(StoreValueSerdes.ARTICLE_VERSION, articleVersion(instant()),
                    StoreValueSerdes.ARTICLE_VERSION_FORMAT);
        }
    }

    @Test
    void articleVersionsInTheFirstBinaryFormatReadAsVersionsWithoutSourceVersion() {
        for (int i = 0; i < VALUES; i++) {
            ArticleVersion current = articleVersion(instant());
            ArticleVersion earlier = new ArticleVersion(current.processedAt(), current.entities(), current.regions(),
                    current.day());
            BinaryWriter out = new BinaryWriter(64);
            out.writeByte(BinaryStoreSerde.FORMAT);
            // the fields as the release before wrote them
            out.writeInstant(earlier.processedAt());
            out.writeList(earlier.entities(), (row, w) -> {
                w.writeString(row.type() == null ? null : row.type().name());
                w.writeString(row.name());
                w.writeLong(row.mentionCount());
                w.writeLong(row.articleCount());
            });
            out.writeList(earlier.regions(), (row, w) -> {
                w.writeString(row.region());
                w.writeLong(row.articleCount());
                w.writeLong(row.mentionCount());
            });
            out.writeString(earlier.day());
            assertEquals(earlier, StoreValueSerdes.ARTICLE_VERSION.deserializer().deserialize(TOPIC, out.toByteArray()));
        }
    }

    @Test
    void aDeletedMarkReadsBackAsWritten() {
        ArticleVersion deleted = ArticleVersion.deletedAt(4_000_000_000L);
        assertRoundTrip(StoreValueSerdes.ARTICLE_VERSION, deleted, StoreValueSerdes.ARTICLE_VERSION_FORMAT);
        assertRoundTrip(StoreValueSerdes.ARTICLE_VERSION, ArticleVersion.deletedAt(null),
                StoreValueSerdes.ARTICLE_VERSION_FORMAT);
        byte[] bytes = StoreValueSerdes.ARTICLE_VERSION.serializer().serialize(TOPIC, deleted);
        assertEquals(22, bytes.length, "a deleted mark is a few bytes: " + Arrays.toString(bytes));
    }

    @Test
    void theJsonThatEarlierReleasesWroteReadsAsTheSameValue() {
        for (int i = 0; i < VALUES; i++) {
            assertReadsJson(StoreValueSerdes.ENTITY_COUNT, EntityCount.class, entityCount());
            assertReadsJson(StoreValueSerdes.REGION_COUNT, RegionCount.class, regionCount());
            assertReadsJson(StoreValueSerdes.DAY_COUNT, DayCount.class, dayCount());
            assertReadsJson(StoreValueSerdes.ARTICLE_VERSION, ArticleVersion.class, articleVersion(instant()));
        }
    }

    @Test
    void readsStoredJsonAsWrittenByTheReleaseBefore() {
        String version = "{\"processedAt\":\"2026-03-01T10:00:00.123456789Z\",\"entities\":[{\"type\":\"PERSON\","
                + "\"name\":\"Қасым-Жомарт Тоқаев\",\"mentionCount\":2,\"articleCount\":1}],\"regions\":["
                + "{\"region\":\"Астана\",\"articleCount\":1,\"mentionCount\":0}],\"day\":\"2026-02-18\"}";
        assertEquals(new ArticleVersion(Instant.parse("2026-03-01T10:00:00.123456789Z"),
                        List.of(new EntityCount(EntityType.PERSON, "Қасым-Жомарт Тоқаев", 2, 1)),
                        List.of(new RegionCount("Астана", 1, 0)), "2026-02-18"),
                read(StoreValueSerdes.ARTICLE_VERSION, version));
        assertEquals(new ArticleVersion(null, List.of(), List.of(), DayCount.UNKNOWN),
                read(StoreValueSerdes.ARTICLE_VERSION,
                        "{\"processedAt\":null,\"entities\":[],\"regions\":[],\"day\":\"unknown\"}"));
        assertEquals(new EntityCount(EntityType.ORGANIZATION, "Qarmet", -3, -1), read(StoreValueSerdes.ENTITY_COUNT,
                "{\"type\":\"ORGANIZATION\",\"name\":\"Qarmet\",\"mentionCount\":-3,\"articleCount\":-1}"));
        assertEquals(new RegionCount("Ұлытау облысы", 12, 40), read(StoreValueSerdes.REGION_COUNT,
                "{\"region\":\"Ұлытау облысы\",\"articleCount\":12,\"mentionCount\":40}"));
        assertEquals(new DayCount("2026-02-18", 7), read(StoreValueSerdes.DAY_COUNT,
                "{\"day\":\"2026-02-18\",\"articleCount\":7}"));
    }

    @Test
    void aTombstoneStaysATombstone() {
        for (BinaryStoreSerde<?> serde : List.of(StoreValueSerdes.ENTITY_COUNT, StoreValueSerdes.REGION_COUNT,
                StoreValueSerdes.DAY_COUNT, StoreValueSerdes.ARTICLE_VERSION)) {
            assertNull(serde.serializer().serialize(TOPIC, null));
            assertNull(serde.deserializer().deserialize(TOPIC, null));
        }
    }

    @Test
    void bytesInNoKnownFormatFailWithASerializationException() {
        byte[] row = StoreValueSerdes.ENTITY_COUNT.serializer().serialize(TOPIC,
                new EntityCount(EntityType.PERSON, "Аида Балаева", 2, 1));
        List<byte[]> bad = List.of(new byte[0], new byte[] {2, 0}, "[1,2]".getBytes(UTF_8),
                Arrays.copyOf(row, row.length - 1), Arrays.copyOf(row, row.length + 1),
                new byte[] {BinaryStoreSerde.FORMAT, 7, 'P', 'E', 'R', 'S', 'O', 'X', 1, 0, 0},
                new byte[] {BinaryStoreSerde.FORMAT, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f});
        for (byte[] bytes : bad) {
            assertThrows(SerializationException.class,
                    () -> StoreValueSerdes.ENTITY_COUNT.deserializer().deserialize(TOPIC, bytes),
                    Arrays.toString(bytes));
        }
        byte[] version = StoreValueSerdes.ARTICLE_VERSION.serializer().serialize(TOPIC,
                ArticleVersion.deletedAt(7L));
        byte[] laterFormat = version.clone();
        laterFormat[0] = 4;
        byte[] badFlag = version.clone();
        badFlag[12] = 2; // the deleted flag, after the format, processedAt, entities, regions and day (1 + 7)
        for (byte[] bytes : List.of(laterFormat, badFlag, Arrays.copyOf(version, version.length - 1),
                Arrays.copyOf(version, version.length + 1))) {
            assertThrows(SerializationException.class,
                    () -> StoreValueSerdes.ARTICLE_VERSION.deserializer().deserialize(TOPIC, bytes),
                    Arrays.toString(bytes));
        }
    }

    private static <T> void assertRoundTrip(BinaryStoreSerde<T> serde, T value, byte format) {
        byte[] bytes = serde.serializer().serialize(TOPIC, value);
        assertEquals(format, bytes[0], "written in the binary format");
        assertEquals(value, serde.deserializer().deserialize(TOPIC, bytes));
        assertArrayEquals(bytes, serde.serializer().serialize(TOPIC, serde.deserializer().deserialize(TOPIC, bytes)));
    }

    private static <T> void assertReadsJson(BinaryStoreSerde<T> serde, Class<T> type, T value) {
        byte[] json = new JsonSerde<>(type).serializer().serialize(TOPIC, value);
        assertEquals(value, serde.deserializer().deserialize(TOPIC, json), new String(json, UTF_8));
    }

    private static <T> T read(BinaryStoreSerde<T> serde, String json) {
        return serde.deserializer().deserialize(TOPIC, json.getBytes(UTF_8));
    }

    private EntityCount entityCount() {
        EntityType[] types = EntityType.values();
        int type = random.nextInt(types.length + 1);
        return new EntityCount(type == types.length ? null : types[type], name(), count(), count());
    }

    private RegionCount regionCount() {
        return new RegionCount(name(), count(), count());
    }

    private DayCount dayCount() {
        return new DayCount(name(), count());
    }

    private ArticleVersion articleVersion(Instant processedAt) {
        Long sourceVersion = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> 0L;
            case 2 -> Long.MAX_VALUE;
            default -> (long) random.nextInt(Integer.MAX_VALUE);
        };
        return new ArticleVersion(processedAt, list(this::entityCount), list(this::regionCount), name(),
                sourceVersion, random.nextBoolean() ? null : name(), random.nextBoolean() ? null : randomText(),
                random.nextInt(5) == 0);
    }

    /** Null, empty, or up to 30 rows (an article names ~20–30 entities). */
    private <T> List<T> list(Supplier<T> element) {
        int size = random.nextInt(8) == 0 ? -1 : random.nextInt(31);
        if (size < 0) {
            return null;
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(element.get());
        }
        return values;
    }

    private String name() {
        return switch (random.nextInt(3)) {
            case 0 -> NAMES.get(random.nextInt(NAMES.size()));
            case 1 -> randomText();
            default -> "PERSON:" + randomText();
        };
    }

    /** Random code points from Latin, Cyrillic with Kazakh letters, and beyond the BMP. */
    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> 0x400 + random.nextInt(0x100);
                case 2 -> 0x80 + random.nextInt(0xd000);
                default -> 0x10000 + random.nextInt(0x10000);
            });
        }
        return text.toString();
    }

    private long count() {
        return switch (random.nextInt(3)) {
            case 0 -> COUNTS.get(random.nextInt(COUNTS.size()));
            case 1 -> random.nextInt(2001) - 1000;
            default -> random.nextLong();
        };
    }

    /** Null, or an instant with nanoseconds, or an extreme. */
    private Instant instant() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> Instant.EPOCH;
            case 2 -> Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
            case 3 -> Instant.ofEpochSecond(-random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
            case 4 -> Instant.MIN;
            default -> Instant.MAX;
        };
    }
}
