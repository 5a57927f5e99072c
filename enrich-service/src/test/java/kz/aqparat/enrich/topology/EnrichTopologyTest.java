package kz.aqparat.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.Topics;
import kz.aqparat.contracts.feed.FeedItemParser;
import kz.aqparat.extraction.ArticleExtractor;
import kz.aqparat.service.dlq.DeadLetter;
import kz.aqparat.service.dlq.DlqProcessingExceptionHandler;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String POISON_TEXT = "this text makes the engine fail";

    private static ArticleExtractor extractor;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestInputTopic<byte[], byte[]> replay;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeAll
    static void loadExtractor() {
        extractor = ArticleExtractor.load();
    }

    private void start(ExtractionEngine engine) {
        start(engine, RecordLimits.MAX_ENRICHED_VALUE_BYTES);
    }

    private void start(ExtractionEngine engine, int maxEnrichedBytes) {
        start(engine, maxEnrichedBytes, EnrichListener.NONE);
    }

    private void start(ExtractionEngine engine, int maxEnrichedBytes, EnrichListener listener) {
        Properties props = new Properties();
        // As in application.yml.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DlqProcessingExceptionHandler.class);
        props.put(DlqProcessingExceptionHandler.SERVICE_CONFIG, "enrich-service");
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(EnrichTopology.build(engine, CLOCK, listener, maxEnrichedBytes), props);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), new ByteArraySerializer(), new ByteArraySerializer());
        replay = driver.createInputTopic(Topics.ARTICLES_REPLAY.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(), new StringDeserializer(),
                new JsonSerde<>(EnrichedArticle.class).deserializer());
        dlq = driver.createOutputTopic(Topics.ARTICLES_DLQ.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private void start() {
        start(ExtractionEngine.of(extractor));
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void enrichesAGoodArticleKeyedByItsIdWithTheEngineVersion() throws Exception {
        start();
        RawArticle article = sample("000_fd029c03a7c1386a.txt", "2026-02-18");
        raw.pipeInput(bytes(article.id()), Json.mapper().writeValueAsBytes(article));

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertEquals(article.id(), out.key());
        EnrichedArticle value = out.value();
        assertEquals(article.id(), value.id());
        assertEquals(article.text(), value.text());
        assertEquals(article.source(), value.source());
        assertEquals("2026-02-18", value.publishedAt());
        assertEquals(article.receivedAt(), value.receivedAt());
        assertEquals(extractor.version(), value.enrichment().version());
        assertEquals(NOW, value.enrichment().processedAt());
        assertTrue(enriched.isEmpty());
        assertTrue(dlq.isEmpty());
    }

    @Test
    void theEnrichedJsonHasTheContractsFieldNames() throws Exception {
        start();
        RawArticle article = sample("004_7a530bcb8f63bfca.txt", null);
        raw.pipeInput(bytes(article.id()), Json.mapper().writeValueAsBytes(article));

        var json = Json.mapper().readTree(driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(),
                new StringDeserializer(), new ByteArrayDeserializer()).readValue());
        for (String field : List.of("id", "source", "url", "title", "publishedAt", "language", "text", "entities",
                "regions", "statistics", "dates")) {
            assertTrue(json.has(field), "missing " + field + " in " + json);
        }
        assertEquals(extractor.version(), json.path("enrichment").path("version").asText());
        assertEquals(NOW.toString(), json.path("enrichment").path("processedAt").asText());
    }

    @Test
    void theAuthorOfSample002sHeadingIsKeptAndIsAPersonOfTheArticle() throws Exception {
        start();
        // as ingest-service reads the file posted as text/plain: the heading is parsed off the text
        RawArticle article = FeedItemParser.parse(Files.readString(Path.of("..", "samples", "articles",
                "002_54959cf6c2112d28.txt"))).toRawArticle(null, "ru").withId("a002")
                .withReceivedAt(Instant.parse("2026-03-03T00:05:00Z"));
        raw.pipeInput(bytes(article.id()), Json.mapper().writeValueAsBytes(article));

        EnrichedArticle value = enriched.readValue();
        assertEquals("Ербол Тишкамбаев", value.author());
        assertEquals("Результат общественного консенсуса", value.title());
        assertFalse(value.titleDerived());
        Entity author = value.entities().stream().filter(e -> e.name().equals("Ербол Тишкамбаев")).findFirst()
                .orElseThrow(() -> new AssertionError("no entity for the author in " + value.entities()));
        assertEquals(EntityType.PERSON, author.type());
        assertEquals(List.of("автор"), author.roles());
        assertTrue(value.entities().stream().anyMatch(e -> e.name().equals("Дархан Кыдырали")),
                "the persons of the text are still there");
    }

    @Test
    void anArticleWithoutATitleGetsOneDerivedFromItsTextMarkedSoAndAGivenTitleIsKept() throws Exception {
        start();
        RawArticle untitled = sample("004_7a530bcb8f63bfca.txt", null);
        RawArticle titled = new RawArticle("t1", null, null, "Заголовок", null, "ru", untitled.text(), null);
        raw.pipeInput(bytes(untitled.id()), Json.mapper().writeValueAsBytes(untitled));
        raw.pipeInput(bytes(titled.id()), Json.mapper().writeValueAsBytes(titled));

        TestOutputTopic<String, byte[]> json = driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(),
                new StringDeserializer(), new ByteArrayDeserializer());
        var derived = Json.mapper().readTree(json.readValue());
        assertEquals("Руководство завода и сотрудники отметили значение конституционных реформ для развития "
                + "экономики, защиты прав граждан и укрепления правового…", derived.path("title").asText());
        assertTrue(derived.path("titleDerived").asBoolean(), derived.toString());
        var given = Json.mapper().readTree(json.readValue());
        assertEquals("Заголовок", given.path("title").asText());
        assertFalse(given.has("titleDerived"), "written only when true: " + given);
    }

    @Test
    void anArticleWithoutIdIsKeyedByItsStableContentId() throws Exception {
        start();
        RawArticle article = sample("001_aec7fbcbd8afe353.txt", null).withId(null);
        raw.pipeInput((byte[]) null, Json.mapper().writeValueAsBytes(article));

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertEquals(ArticleIds.of(null, article.text()), out.key());
        assertEquals(out.key(), out.value().id());
    }

    @Test
    void badJsonGoesToTheDlqWithItsBytesAndReasonThenTheNextArticleIsEnriched() throws Exception {
        start();
        byte[] badValue = "{\"id\": \"x1\", \"text\": ".getBytes(StandardCharsets.UTF_8);
        Headers original = new RecordHeaders().add("trace-id", bytes("abc-123"));
        raw.pipeInput(new TestRecord<>(bytes("x1"), badValue, original));
        RawArticle good = sample("002_54959cf6c2112d28.txt", null);
        raw.pipeInput(bytes(good.id()), Json.mapper().writeValueAsBytes(good));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertArrayEquals(bytes("x1"), dead.key());
        assertArrayEquals(badValue, dead.value());
        assertEquals("abc-123", header(dead, "trace-id"));
        assertEquals("enrich.deserialize", header(dead, DlqHeaders.STAGE));
        assertTrue(header(dead, DlqHeaders.ERROR_CLASS).startsWith("com.fasterxml.jackson."),
                header(dead, DlqHeaders.ERROR_CLASS));
        assertFalse(header(dead, DlqHeaders.ERROR_MESSAGE).isBlank());
        assertOrigin(dead, 0);
        assertEquals("enrich-service", header(dead, DlqHeaders.SERVICE));

        assertEquals(good.id(), enriched.readRecord().key());
        assertTrue(dlq.isEmpty());
    }

    @Test
    void anArticleWithEmptyTextGoesToTheDlqThenTheNextArticleIsEnriched() throws Exception {
        start();
        RawArticle empty = new RawArticle("e1", "Kazpravda.kz", null, "Заголовок", "2026-02-18", "ru", "  \n ",
                NOW);
        byte[] emptyValue = Json.mapper().writeValueAsBytes(empty);
        raw.pipeInput(bytes("e1"), emptyValue);
        RawArticle good = sample("003_3f0c2da02d031720.txt", "2026-02-24");
        raw.pipeInput(bytes(good.id()), Json.mapper().writeValueAsBytes(good));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertArrayEquals(bytes("e1"), dead.key());
        assertArrayEquals(emptyValue, dead.value());
        assertEquals("enrich.validate", header(dead, DlqHeaders.STAGE));
        assertEquals(InvalidArticleException.class.getName(), header(dead, DlqHeaders.ERROR_CLASS));
        assertEquals("the article has no text", header(dead, DlqHeaders.ERROR_MESSAGE));
        assertOrigin(dead, 0);

        assertEquals(good.id(), enriched.readRecord().key());
    }

    @Test
    void aTombstoneOnRawIsADeleteWrittenToEnrichedWithItsOffsetAndHeaders() throws Exception {
        start();
        RawArticle article = sample("000_fd029c03a7c1386a.txt", null);
        raw.pipeInput(bytes(article.id()), Json.mapper().writeValueAsBytes(article));
        raw.pipeInput(new TestRecord<>(bytes(article.id()), null,
                new RecordHeaders().add("trace", bytes("t-1"))));

        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(),
                new StringDeserializer(), new ByteArrayDeserializer());
        assertEquals(0L, Json.mapper().readValue(out.readValue(), EnrichedArticle.class).enrichment().sourceVersion());
        TestRecord<String, byte[]> delete = out.readRecord();
        assertEquals(article.id(), delete.key());
        assertNull(delete.value());
        assertEquals("1", header(delete, kz.aqparat.contracts.RecordHeaders.SOURCE_OFFSET));
        assertEquals("t-1", header(delete, "trace"));
        assertTrue(dlq.isEmpty());
    }

    @Test
    void aTombstoneWithoutAUsableKeyOrOnTheReplayTopicGoesToTheDlq() {
        start();
        raw.pipeInput((byte[]) null, (byte[]) null);
        raw.pipeInput(new byte[] {(byte) 0xff, (byte) 0xfe}, (byte[]) null);
        replay.pipeInput(new TestRecord<>(bytes("t1"), null,
                new RecordHeaders().add(kz.aqparat.contracts.RecordHeaders.SOURCE_OFFSET, bytes("7"))));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(3, dead.size());
        for (TestRecord<byte[], byte[]> record : dead) {
            assertNull(record.value());
            assertEquals("enrich.validate", header(record, DlqHeaders.STAGE));
        }
        assertTrue(header(dead.get(0), DlqHeaders.ERROR_MESSAGE).contains("without a key"));
        assertTrue(header(dead.get(1), DlqHeaders.ERROR_MESSAGE).contains("not UTF-8"));
        assertTrue(header(dead.get(2), DlqHeaders.ERROR_MESSAGE).contains("tombstone on articles.replay"));
        assertEquals(Topics.ARTICLES_REPLAY.name(), header(dead.get(2), DlqHeaders.ORIGINAL_TOPIC));
        assertTrue(enriched.isEmpty());
    }

    @Test
    void theSourceVersionIsTheRawOffsetOrTheReplayedRecordsSourceOffsetHeader() throws Exception {
        start();
        RawArticle first = sample("000_fd029c03a7c1386a.txt", null);
        RawArticle second = sample("004_7a530bcb8f63bfca.txt", null);
        raw.pipeInput(bytes(first.id()), Json.mapper().writeValueAsBytes(first));
        raw.pipeInput(bytes(second.id()), Json.mapper().writeValueAsBytes(second));
        Headers replayed = new RecordHeaders()
                .add(kz.aqparat.contracts.RecordHeaders.TEXT_FINGERPRINT, bytes("fp"))
                .add(kz.aqparat.contracts.RecordHeaders.SOURCE_OFFSET, bytes("0"));
        replay.pipeInput(new TestRecord<>(bytes(first.id()), Json.mapper().writeValueAsBytes(first), replayed));

        List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
        assertEquals(List.of(first.id(), second.id(), first.id()), out.stream().map(TestRecord::key).toList());
        assertEquals(0L, out.get(0).value().enrichment().sourceVersion());
        assertEquals(1L, out.get(1).value().enrichment().sourceVersion());
        assertEquals(0L, out.get(2).value().enrichment().sourceVersion());
        assertEquals("fp", header(out.get(2), kz.aqparat.contracts.RecordHeaders.TEXT_FINGERPRINT));
        assertEquals("0", header(out.get(2), kz.aqparat.contracts.RecordHeaders.SOURCE_OFFSET));
        assertTrue(dlq.isEmpty());
    }

    @Test
    void aReplayedRecordWithoutAValidSourceOffsetGoesToTheDlqThenTheNextOneIsEnriched() throws Exception {
        start();
        RawArticle article = sample("000_fd029c03a7c1386a.txt", null);
        byte[] json = Json.mapper().writeValueAsBytes(article);
        replay.pipeInput(bytes(article.id()), json);
        for (String bad : List.of("", "-1", "12x", "99999999999999999999")) {
            replay.pipeInput(new TestRecord<>(bytes(article.id()), json,
                    new RecordHeaders().add(kz.aqparat.contracts.RecordHeaders.SOURCE_OFFSET, bytes(bad))));
        }
        replay.pipeInput(new TestRecord<>(bytes(article.id()), json,
                new RecordHeaders().add(kz.aqparat.contracts.RecordHeaders.SOURCE_OFFSET, bytes("42"))));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(5, dead.size());
        assertTrue(header(dead.get(0), DlqHeaders.ERROR_MESSAGE).contains("needs header aqparat.source.offset"),
                header(dead.get(0), DlqHeaders.ERROR_MESSAGE));
        for (int i = 0; i < dead.size(); i++) {
            assertEquals("enrich.validate", header(dead.get(i), DlqHeaders.STAGE));
            assertEquals(Topics.ARTICLES_REPLAY.name(), header(dead.get(i), DlqHeaders.ORIGINAL_TOPIC));
            assertEquals(Integer.toString(i), header(dead.get(i), DlqHeaders.ORIGINAL_OFFSET));
            assertArrayEquals(json, dead.get(i).value());
        }
        assertTrue(header(dead.get(2), DlqHeaders.ERROR_MESSAGE).contains("was '-1'"));
        assertEquals(42L, enriched.readValue().enrichment().sourceVersion());
        assertTrue(enriched.isEmpty());
    }

    @Test
    void anArticleTheEngineFailsOnGoesToTheDlqThenTheNextArticleIsEnriched() throws Exception {
        ExtractionEngine real = ExtractionEngine.of(extractor);
        start(new ExtractionEngine() {
            @Override
            public String version() {
                return real.version();
            }

            @Override
            public Extraction extract(String text, LocalDate publicationDate) {
                if (text.equals(POISON_TEXT)) {
                    throw new IllegalStateException("engine broke on this text");
                }
                return real.extract(text, publicationDate);
            }
        });
        RawArticle good = sample("000_fd029c03a7c1386a.txt", "2026-02-18");
        raw.pipeInput(bytes(good.id()), Json.mapper().writeValueAsBytes(good));
        RawArticle poison = new RawArticle("p1", null, null, null, null, "ru", POISON_TEXT, NOW);
        byte[] poisonValue = Json.mapper().writeValueAsBytes(poison);
        raw.pipeInput(bytes("p1"), poisonValue);
        RawArticle next = sample("001_aec7fbcbd8afe353.txt", null);
        raw.pipeInput(bytes(next.id()), Json.mapper().writeValueAsBytes(next));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertArrayEquals(poisonValue, dead.value());
        assertEquals("enrich.extract", header(dead, DlqHeaders.STAGE));
        assertEquals(IllegalStateException.class.getName(), header(dead, DlqHeaders.ERROR_CLASS));
        assertEquals("engine broke on this text", header(dead, DlqHeaders.ERROR_MESSAGE));
        assertOrigin(dead, 1);
        assertTrue(dlq.isEmpty());

        assertEquals(List.of(good.id(), next.id()),
                enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList());
    }

    @Test
    void anArticleWhoseEnrichmentIsTooLargeIsStoredWithFewerMentionsAndSaysWhatWasLeftOut() throws Exception {
        RawArticle article = sample("002_54959cf6c2112d28.txt", null);
        byte[] rawValue = Json.mapper().writeValueAsBytes(article);
        Extraction full = extractor.extract(article.text(), null);
        // Room for the raw fields and a few entities, not for everything the engine finds.
        int limit = rawValue.length + 1500;
        start(ExtractionEngine.of(extractor), limit);
        raw.pipeInput(bytes(article.id()), rawValue);

        TestRecord<String, byte[]> out = driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(),
                new StringDeserializer(), new ByteArrayDeserializer()).readRecord();
        assertTrue(out.value().length <= limit, out.value().length + " bytes");
        EnrichedArticle value = Json.mapper().readValue(out.value(), EnrichedArticle.class);
        assertEquals(article.text(), value.text());
        Enrichment.Truncation truncated = value.enrichment().truncated();
        assertTrue(truncated != null, "enrichment.truncated is missing");
        int mentionsFound = full.entities().stream().mapToInt(Entity::mentionsFound).sum();
        int mentionsListed = value.entities().stream().mapToInt(e -> e.mentions().size()).sum();
        int mentionsOfKept = value.entities().stream().mapToInt(Entity::mentionsFound).sum();
        assertEquals(full.entities().size() - value.entities().size(), truncated.entities());
        assertEquals(mentionsOfKept - mentionsListed, truncated.mentions());
        assertEquals(full.statistics().size() - value.statistics().size(), truncated.statistics());
        assertEquals(full.dates().size() - value.dates().size(), truncated.dates());
        assertTrue(mentionsOfKept <= mentionsFound);
        for (Entity kept : value.entities()) {
            Entity found = full.entities().stream()
                    .filter(e -> e.type() == kept.type() && e.name().equals(kept.name())).findFirst().orElseThrow();
            assertEquals(found.mentions().size(), kept.mentionsFound(), kept.name());
            assertEquals(found.mentions().subList(0, kept.mentions().size()), kept.mentions(), kept.name());
        }
        assertTrue(dlq.isEmpty());
    }

    @Test
    void theDensestRawArticlesAtTheLimitAreEnrichedWithinTheLimitAndKeepExactMentionCounts() throws Exception {
        start();
        for (RawArticle article : List.of(DenseArticles.repeated("dense-repeated", RecordLimits.MAX_RAW_VALUE_BYTES),
                DenseArticles.distinct("dense-distinct", RecordLimits.MAX_RAW_VALUE_BYTES))) {
            byte[] rawValue = Json.mapper().writeValueAsBytes(article);
            assertTrue(rawValue.length <= RecordLimits.MAX_RAW_VALUE_BYTES
                    && rawValue.length > RecordLimits.MAX_RAW_VALUE_BYTES - 200, rawValue.length + " bytes");
            Extraction full = extractor.extract(article.text(), LocalDate.of(2026, 2, 18));
            byte[] unbounded = Json.mapper().writeValueAsBytes(EnrichedArticle.of(article, full,
                    new Enrichment(extractor.version(), NOW)));
            assertTrue(unbounded.length > 2 * RecordLimits.MAX_ENRICHED_VALUE_BYTES,
                    "not a worst case: unbounded it is only " + unbounded.length + " bytes");

            raw.pipeInput(bytes(article.id()), rawValue);

            TestRecord<String, byte[]> out = driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(),
                    new StringDeserializer(), new ByteArrayDeserializer()).readRecord();
            assertEquals(article.id(), out.key());
            assertTrue(out.value().length <= RecordLimits.MAX_ENRICHED_VALUE_BYTES, out.value().length + " bytes");
            EnrichedArticle value = Json.mapper().readValue(out.value(), EnrichedArticle.class);
            assertEquals(article.text(), value.text());
            assertTrue(value.enrichment().truncated() != null);
            assertTrue(!value.entities().isEmpty() && !value.statistics().isEmpty() && !value.dates().isEmpty());
            // The entities kept are the most mentioned, with their exact counts: what the views add up.
            List<Integer> counts = full.entities().stream().map(Entity::mentionsFound)
                    .sorted(java.util.Comparator.reverseOrder()).limit(value.entities().size()).toList();
            assertEquals(counts, value.entities().stream().map(Entity::mentionsFound)
                    .sorted(java.util.Comparator.reverseOrder()).toList());
        }
        assertTrue(dlq.isEmpty());
    }

    @Test
    void aRawValueOverTheLimitGoesToTheDlqCutToTheDlqLimitThenTheNextArticleIsEnriched() throws Exception {
        start();
        // Issue 9's record: JSON writes each U+0001 as six bytes, so 190,000 of them make a 1.1 MB value.
        RawArticle poison = new RawArticle("u0001", null, null, null, null, "ru", "\u0001".repeat(190_000), NOW);
        byte[] poisonValue = Json.mapper().writeValueAsBytes(poison);
        raw.pipeInput(bytes("u0001"), poisonValue);
        RawArticle good = sample("002_54959cf6c2112d28.txt", null);
        raw.pipeInput(bytes(good.id()), Json.mapper().writeValueAsBytes(good));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertArrayEquals(bytes("u0001"), dead.key());
        assertArrayEquals(Arrays.copyOf(poisonValue, RecordLimits.MAX_DLQ_VALUE_BYTES), dead.value());
        assertEquals(Integer.toString(poisonValue.length), header(dead, DlqHeaders.VALUE_TRUNCATED));
        assertEquals("enrich.validate", header(dead, DlqHeaders.STAGE));
        assertEquals("org.apache.kafka.common.errors.RecordTooLargeException", header(dead, DlqHeaders.ERROR_CLASS));
        assertTrue(header(dead, DlqHeaders.ERROR_MESSAGE).contains(poisonValue.length + " bytes"),
                header(dead, DlqHeaders.ERROR_MESSAGE));
        assertOrigin(dead, 0);
        assertFitsTheTopic(dead);
        assertEquals(good.id(), enriched.readRecord().key());
    }

    @Test
    void aRecordWithHugeHeadersGoesToTheDlqWithTheHeadersThatFit() throws Exception {
        start();
        RawArticle article = sample("003_3f0c2da02d031720.txt", "2026-02-24");
        Headers huge = new RecordHeaders()
                .add("trace-id", bytes("t-1"))
                .add("padding", new byte[RecordLimits.MAX_HEADERS_BYTES])
                .add("after", bytes("x"));
        raw.pipeInput(new TestRecord<>(bytes(article.id()), Json.mapper().writeValueAsBytes(article), huge));
        Headers many = new RecordHeaders();
        for (int i = 0; i < 5000; i++) {
            many.add("h", new byte[0]);
        }
        raw.pipeInput(new TestRecord<>(bytes("many"), bytes("{}"), many));
        raw.pipeInput(bytes(article.id()), Json.mapper().writeValueAsBytes(article));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertEquals("enrich.validate", header(dead, DlqHeaders.STAGE));
        assertTrue(header(dead, DlqHeaders.ERROR_MESSAGE).contains("headers"), header(dead, DlqHeaders.ERROR_MESSAGE));
        assertEquals("t-1", header(dead, "trace-id"));
        assertNull(dead.headers().lastHeader("padding"));
        assertNull(dead.headers().lastHeader("after"));
        assertTrue(Long.parseLong(header(dead, DlqHeaders.HEADERS_TRUNCATED)) > RecordLimits.MAX_HEADERS_BYTES);
        assertFitsTheTopic(dead);
        TestRecord<byte[], byte[]> manyDead = dlq.readRecord();
        assertEquals("enrich.validate", header(manyDead, DlqHeaders.STAGE));
        assertTrue(count(manyDead.headers(), "h") < 5000);
        assertFitsTheTopic(manyDead);
        assertEquals(article.id(), enriched.readRecord().key());
        assertTrue(dlq.isEmpty());
    }

    @Test
    void aHugeKeyIsCutInTheDlqAndAKeyThatIsNotUtf8IsKeptAsItIs() throws Exception {
        start();
        byte[] hugeKey = new byte[2 * 1024 * 1024];
        Arrays.fill(hugeKey, (byte) 'k');
        raw.pipeInput(hugeKey, bytes("not json"));
        byte[] notUtf8 = {(byte) 0xC0, (byte) 0xAF, (byte) 0xFF};
        raw.pipeInput(notUtf8, bytes("not json either"));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertArrayEquals(Arrays.copyOf(hugeKey, RecordLimits.MAX_KEY_BYTES), dead.key());
        assertEquals(Integer.toString(hugeKey.length), header(dead, DlqHeaders.KEY_TRUNCATED));
        assertEquals("enrich.deserialize", header(dead, DlqHeaders.STAGE));
        assertFitsTheTopic(dead);
        TestRecord<byte[], byte[]> second = dlq.readRecord();
        assertArrayEquals(notUtf8, second.key());
        assertNull(second.headers().lastHeader(DlqHeaders.KEY_TRUNCATED));
    }

    @Test
    void deeplyNestedJsonAHugeNumberAndALoneSurrogateGoToTheDlqThenTheNextArticleIsEnriched() throws Exception {
        start();
        byte[] nested = ("{\"text\": \"x\", \"extra\": " + "[".repeat(200_000) + "]".repeat(200_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] hugeNumber = ("{\"text\": \"x\", \"extra\": 1" + "0".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        // Valid JSON, but a lone surrogate is not Unicode text: Jackson would write it back as bytes that are not UTF-8.
        byte[] loneSurrogate = "{\"text\": \"Текст \\ud800 статьи\"}".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput(bytes("nested"), nested);
        raw.pipeInput(bytes("number"), hugeNumber);
        raw.pipeInput(bytes("surrogate"), loneSurrogate);
        RawArticle good = sample("002_54959cf6c2112d28.txt", null);
        raw.pipeInput(bytes(good.id()), Json.mapper().writeValueAsBytes(good));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(List.of("nested", "number", "surrogate"),
                dead.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList());
        assertEquals("enrich.deserialize", header(dead.get(0), DlqHeaders.STAGE));
        assertEquals("enrich.deserialize", header(dead.get(1), DlqHeaders.STAGE));
        assertEquals("enrich.validate", header(dead.get(2), DlqHeaders.STAGE));
        assertEquals("the article's text has a lone surrogate (U+D800) at index 6, which is not Unicode text",
                header(dead.get(2), DlqHeaders.ERROR_MESSAGE));
        assertEquals(good.id(), enriched.readRecord().key());
    }

    @Test
    void anArticleIdTooLongForAKeyGoesToTheDlq() throws Exception {
        start();
        RawArticle article = sample("000_fd029c03a7c1386a.txt", null).withId("i".repeat(RecordLimits.MAX_KEY_BYTES + 1));
        raw.pipeInput(bytes("long-id"), Json.mapper().writeValueAsBytes(article));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertEquals("enrich.validate", header(dead, DlqHeaders.STAGE));
        assertEquals(InvalidArticleException.class.getName(), header(dead, DlqHeaders.ERROR_CLASS));
        assertTrue(enriched.isEmpty());
    }

    @Test
    void errorsOfTheEngineOnOneTextGoToTheDlqAndABrokenDeploymentStopsTheTopology() throws Exception {
        List<Throwable> errors = List.of(new OutOfMemoryError("Java heap space"), new AssertionError("broken"),
                new StackOverflowError(), new java.io.IOException("checked, thrown sneakily"));
        ExtractionEngine real = ExtractionEngine.of(extractor);
        start(new ExtractionEngine() {
            @Override
            public String version() {
                return real.version();
            }

            @Override
            public Extraction extract(String text, LocalDate publicationDate) {
                if (text.startsWith("error ")) {
                    sneakyThrow(errors.get(Integer.parseInt(text.substring(6))));
                }
                if (text.equals("missing class")) {
                    throw new NoClassDefFoundError("kz/aqparat/extraction/Gone");
                }
                return real.extract(text, publicationDate);
            }
        });
        for (int i = 0; i < errors.size(); i++) {
            raw.pipeInput(bytes("e" + i), Json.mapper().writeValueAsBytes(
                    new RawArticle("e" + i, null, null, null, null, "ru", "error " + i, NOW)));
        }
        RawArticle good = sample("001_aec7fbcbd8afe353.txt", null);
        raw.pipeInput(bytes(good.id()), Json.mapper().writeValueAsBytes(good));

        for (Throwable error : errors) {
            TestRecord<byte[], byte[]> dead = dlq.readRecord();
            assertEquals("enrich.extract", header(dead, DlqHeaders.STAGE));
            assertEquals(error.getClass().getName(), header(dead, DlqHeaders.ERROR_CLASS));
        }
        assertEquals(good.id(), enriched.readRecord().key());

        byte[] missingClass = Json.mapper().writeValueAsBytes(
                new RawArticle("m1", null, null, null, null, "ru", "missing class", NOW));
        assertThrows(Throwable.class, () -> raw.pipeInput(bytes("m1"), missingClass));
        assertTrue(dlq.isEmpty());
    }

    @Test
    void anExceptionEscapingTheProcessorSendsTheSourceRecordToTheDlqAndProcessingGoesOn() throws Exception {
        RawArticle unlucky = sample("004_7a530bcb8f63bfca.txt", null);
        start(ExtractionEngine.of(extractor), RecordLimits.MAX_ENRICHED_VALUE_BYTES, new EnrichListener() {
            @Override
            public void enriched(EnrichedArticle article) {
                if (article.id().equals(unlucky.id())) {
                    throw new IllegalStateException("a bug after enrichment");
                }
            }
        });
        byte[] unluckyValue = Json.mapper().writeValueAsBytes(unlucky);
        raw.pipeInput(new TestRecord<>(bytes(unlucky.id()), unluckyValue,
                new RecordHeaders().add("trace-id", bytes("t-9"))));
        RawArticle next = sample("001_aec7fbcbd8afe353.txt", null);
        raw.pipeInput(bytes(next.id()), Json.mapper().writeValueAsBytes(next));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertArrayEquals(bytes(unlucky.id()), dead.key());
        assertArrayEquals(unluckyValue, dead.value());
        assertEquals("streams.process", header(dead, DlqHeaders.STAGE));
        assertEquals("enrich-service", header(dead, DlqHeaders.SERVICE));
        assertEquals(IllegalStateException.class.getName(), header(dead, DlqHeaders.ERROR_CLASS));
        assertEquals("t-9", header(dead, "trace-id"));
        assertOrigin(dead, 0);
        assertEquals(next.id(), enriched.readRecord().key());
        assertTrue(enriched.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void aRecordReplayedFromTheDlqCarriesOnlyItsNewReason() throws Exception {
        start();
        Headers previous = new RecordHeaders()
                .add(DlqHeaders.STAGE, bytes("enrich.extract"))
                .add(DlqHeaders.ORIGINAL_OFFSET, bytes("999"));
        raw.pipeInput(new TestRecord<>(bytes("r1"), bytes("not json"), previous));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertEquals(1, count(dead.headers(), DlqHeaders.STAGE));
        assertEquals("enrich.deserialize", header(dead, DlqHeaders.STAGE));
        assertEquals("0", header(dead, DlqHeaders.ORIGINAL_OFFSET));
    }

    @Test
    void everyNodeIsNamed() {
        String description = EnrichTopology.build(extractor, CLOCK).describe().toString();
        assertFalse(description.contains("KSTREAM-"), description);
        assertFalse(description.contains("KTABLE-"), description);
    }

    /**
     * The record, in a batch of its own as the producer would write it (61 bytes of batch header, at most 21 of
     * record framing, header framing counted by DeadLetter.size), within the topics' max.message.bytes and Kafka's
     * default 1 MiB.
     */
    private static void assertFitsTheTopic(TestRecord<byte[], byte[]> record) {
        long size = 61 + 21 + (record.key() == null ? 0 : record.key().length)
                + (record.value() == null ? 0 : record.value().length) + DeadLetter.size(record.headers());
        assertTrue(size <= 1024 * 1024 && size <= RecordLimits.MAX_RECORD_BYTES, size + " bytes");
    }

    private static void assertOrigin(TestRecord<byte[], byte[]> dead, long offset) {
        assertEquals(Topics.ARTICLES_RAW.name(), header(dead, DlqHeaders.ORIGINAL_TOPIC));
        assertEquals("0", header(dead, DlqHeaders.ORIGINAL_PARTITION));
        assertEquals(Long.toString(offset), header(dead, DlqHeaders.ORIGINAL_OFFSET));
    }

    private static String header(TestRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertTrue(header != null, "no header " + name + " on " + record);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long count(Headers headers, String name) {
        return java.util.stream.StreamSupport.stream(headers.headers(name).spliterator(), false).count();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A sample feed item as a raw article, text kept exactly as in the file. */
    static RawArticle sample(String file, String publishedAt) throws Exception {
        String text = Files.readString(Path.of("..", "samples", "articles", file));
        return new RawArticle(ArticleIds.of(null, text), "Kazpravda.kz", null, null, publishedAt, "ru", text,
                Instant.parse("2026-03-01T07:59:00Z"));
    }
}
