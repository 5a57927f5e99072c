package kz.aqparat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Topics;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad requests against ingest-service on a real broker, with the default limits. Each is answered with
 * its 4xx and the one problem shape, nothing of it reaches {@code articles.raw}, and a good article sent after it is
 * accepted and is in {@code articles.raw} (read back with a read_committed consumer): nothing lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestHostileInputIT {

    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String NDJSON = "application/x-ndjson";
    private static final int MIB = 1024 * 1024;

    private KafkaBroker broker;
    private IngestClient ingest;
    private KafkaConsumer<String, RawArticle> raw;
    private final AtomicInteger goodArticles = new AtomicInteger();

    /** One bad request: what is sent and the answer it must get ({@code kind} null: any problem type). */
    record Case(String name, String method, String path, String contentType, Supplier<byte[]> body, int status,
                String kind) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case json(String name, String body, int status, String kind) {
        return new Case(name, "POST", "/api/articles", JSON, () -> utf8(body), status, kind);
    }

    private static Case article(String name, String fields, String kind) {
        return json(name, "{\"text\": \"Текст статьи.\", " + fields + "}", 400, kind);
    }

    private static Case bytes(String name, String contentType, Supplier<byte[]> body, int status, String kind) {
        return new Case(name, "POST", "/api/articles", contentType, body, status, kind);
    }

    private static Case batch(String name, Supplier<byte[]> body, int status, String kind) {
        return new Case(name, "POST", "/api/articles/batch", NDJSON, body, status, kind);
    }

    private static Case call(String name, String method, String path, int status, String kind) {
        return new Case(name, method, path, JSON, () -> utf8("{\"text\": \"Текст статьи.\"}"), status, kind);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {"text":"<prefix>", then the raw bytes, then "rest"}. */
    private static byte[] jsonWithBytes(int... raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"text\": \"Текст "));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(utf8(" конец\"}"));
        return out.toByteArray();
    }

    private static byte[] textWithBytes(int... raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("Текст "));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(utf8(" конец"));
        return out.toByteArray();
    }

    private static byte[] lines(int count, String line) {
        return utf8((line + "\n").repeat(count));
    }

    static Stream<Case> corpus() {
        String tomorrowPlus2 = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        return Stream.of(
                // malformed JSON, more than one value, nesting
                json("truncated object", "{\"text\": \"Текст", 400, "invalid-json"),
                json("empty JSON body", "", 400, "invalid-json"),
                json("only white space", "  \n ", 400, "invalid-json"),
                json("two objects", "{\"text\":\"a\"}{\"text\":\"b\"}", 400, "invalid-json"),
                json("object then garbage", "{\"text\":\"Текст\"} trailing garbage", 400, "invalid-json"),
                json("object then a bracket", "{\"text\":\"Текст\"}]", 400, "invalid-json"),
                json("two objects on two lines", "{\"text\":\"a\"}\n{\"text\":\"b\"}", 400, "invalid-json"),
                json("duplicate key", "{\"text\":\"a\", \"text\":\"b\"}", 400, "invalid-json"),
                json("null", "null", 400, "invalid-json"),
                json("a number", "42", 400, "invalid-json"),
                json("a string", "\"Текст статьи\"", 400, "invalid-json"),
                json("an array of articles", "[{\"text\":\"Текст\"}]", 400, "invalid-json"),
                json("single quotes", "{'text': 'Текст'}", 400, "invalid-json"),
                json("unquoted key", "{text: \"Текст\"}", 400, "invalid-json"),
                json("trailing comma", "{\"text\": \"Текст\",}", 400, "invalid-json"),
                json("a comment", "{\"text\": \"Текст\" /* c */}", 400, "invalid-json"),
                json("NaN", "{\"text\": \"Текст\", \"x\": NaN}", 400, "invalid-json"),
                json("a raw control character in a string", "{\"text\": \"Текст\u0001\"}", 400, "invalid-json"),
                json("nested 17 deep in an unknown field",
                        "{\"text\":\"Текст\",\"x\":" + "[".repeat(17) + "]".repeat(17) + "}", 400, "invalid-json"),
                json("100,000 open brackets", "[".repeat(100_000), 400, "invalid-json"),
                json("1,000-deep objects", "{\"a\":".repeat(1000) + "1" + "}".repeat(1000), 400, "invalid-json"),
                bytes("a byte order mark", JSON, () -> utf8("\uFEFF{\"text\":\"Текст\"}"), 400, "invalid-json"),
                // wrong types, named in the detail
                json("text a number only", "{\"text\": 42}", 400, "invalid-field"),
                json("text an array", "{\"text\": [\"Текст\"]}", 400, "invalid-field"),
                json("text an object", "{\"text\": {\"ru\": \"Текст\"}}", 400, "invalid-field"),
                json("text a boolean", "{\"text\": true}", 400, "invalid-field"),
                article("title a number", "\"title\": 7", "invalid-field"),
                article("publishedAt a number", "\"publishedAt\": 20260218", "invalid-field"),
                article("url an object", "\"url\": {\"href\": \"https://a.kz\"}", "invalid-field"),
                article("source an array", "\"source\": [\"BAQ.KZ\"]", "invalid-field"),
                article("language a number", "\"language\": 1", "invalid-field"),
                article("id a number", "\"id\": 1", "invalid-field"),
                // missing or white-space-only text
                json("no text", "{\"title\": \"Заголовок\"}", 400, "missing-text"),
                json("text null", "{\"text\": null}", 400, "missing-text"),
                json("text empty", "{\"text\": \"\"}", 400, "missing-text"),
                json("text spaces and line breaks", "{\"text\": \" \\n\\t \"}", 400, "missing-text"),
                json("text no-break and ideographic spaces", "{\"text\": \"\\u00a0\\u3000\\u2003\"}", 400,
                        "missing-text"),
                json("text zero-width characters", "{\"text\": \"\\u200b\\ufeff\"}", 400, "missing-text"),
                bytes("empty feed item", TEXT, () -> new byte[0], 400, "missing-text"),
                bytes("feed item of white space", TEXT, () -> utf8(" \n\t "), 400, "missing-text"),
                bytes("feed item with a header only", TEXT, () -> utf8(" date 2026-02-18 "), 400, "missing-text"),
                // invalid UTF-8
                bytes("overlong / (C0 AF) in JSON", JSON, () -> jsonWithBytes(0xC0, 0xAF), 400, "invalid-json"),
                bytes("overlong / (C0 AF) in a feed item", TEXT, () -> textWithBytes(0xC0, 0xAF), 400,
                        "invalid-encoding"),
                bytes("overlong NUL (E0 80 80)", JSON, () -> jsonWithBytes(0xE0, 0x80, 0x80), 400, "invalid-json"),
                bytes("UTF-8 encoded surrogate (ED A0 80)", JSON, () -> jsonWithBytes(0xED, 0xA0, 0x80), 400,
                        "invalid-json"),
                bytes("lone continuation byte", TEXT, () -> textWithBytes(0x80), 400, "invalid-encoding"),
                bytes("truncated sequence", JSON, () -> jsonWithBytes(0xE2, 0x82), 400, "invalid-json"),
                bytes("byte FF", TEXT, () -> textWithBytes(0xFF), 400, "invalid-encoding"),
                bytes("five-byte form", JSON, () -> jsonWithBytes(0xF8, 0x88, 0x80, 0x80, 0x80), 400, "invalid-json"),
                bytes("above U+10FFFF (F4 90 80 80)", JSON, () -> jsonWithBytes(0xF4, 0x90, 0x80, 0x80), 400,
                        "invalid-json"),
                json("escaped lone high surrogate", "{\"text\": \"Текст \\ud800 конец\"}", 400, "invalid-character"),
                json("escaped lone low surrogate", "{\"text\": \"Текст \\udc00\"}", 400, "invalid-character"),
                article("escaped lone surrogate in the title", "\"title\": \"\\ud83d\"", "invalid-character"),
                // NUL and control characters
                json("escaped NUL in text", "{\"text\": \"Текст\\u0000конец\"}", 400, "invalid-character"),
                bytes("raw NUL in a feed item", TEXT, () -> textWithBytes(0x00), 400, "invalid-character"),
                bytes("190,000 U+0001 as a feed item", TEXT, () -> utf8("\u0001".repeat(190_000)), 400,
                        "invalid-character"),
                json("escape character in text", "{\"text\": \"Текст\\u001b[31mкрасный\"}", 400, "invalid-character"),
                json("C1 control NEL in text", "{\"text\": \"Текст\\u0085\"}", 400, "invalid-character"),
                article("BEL in the title", "\"title\": \"Заголовок\\u0007\"", "invalid-character"),
                article("unit separator in the source (strip() would eat it)", "\"source\": \"BAQ.KZ\\u001f\"",
                        "invalid-character"),
                article("DEL in the url", "\"url\": \"https://a.kz/\\u007f\"", "invalid-character"),
                article("NUL in publishedAt", "\"publishedAt\": \"2026-02-18\\u0000\"", "invalid-character"),
                article("NUL in language", "\"language\": \"ru\\u0000\"", "invalid-character"),
                // sizes: the body, the record, lines and batches
                json("article body above 1 MiB", "{\"text\": \"" + "а".repeat(MIB / 2 + 10) + "\"}", 413,
                        "too-large"),
                bytes("feed item above 1 MiB", TEXT, () -> utf8("Текст ".repeat(MIB / 10)), 413, "too-large"),
                json("record above the 512 KiB raw limit", "{\"text\": \"" + "a".repeat(RecordLimits.MAX_RAW_VALUE_BYTES)
                        + "\"}", 413, "too-large"),
                bytes("feed item whose JSON record doubles (line breaks)", TEXT,
                        () -> utf8("Текст\n" + "\n".repeat(RecordLimits.MAX_RAW_VALUE_BYTES / 2 + 10)), 413,
                        "too-large"),
                batch("batch above 32 MiB", () -> lines(33 * 1024, "{\"text\": \"" + "x".repeat(1000) + "\"}"), 413,
                        "too-large"),
                batch("batch of 10,001 lines", () -> lines(10_001, "{\"text\":\"a\"}"), 413, "too-large"),
                batch("batch of 4,000,000 tiny lines", () -> lines(4_000_000, "{}"), 413, "too-large"),
                batch("empty batch", () -> utf8("\n \n\r\n"), 400, "missing-text"),
                batch("batch in UTF-16", () -> "{\"text\":\"a\"}\n".getBytes(StandardCharsets.UTF_16), 200, null),
                // content types and charsets
                bytes("no Content-Type", null, () -> utf8("{\"text\":\"Текст\"}"), 415, "unsupported-media-type"),
                bytes("XML", "application/xml", () -> utf8("<article><text>Текст</text></article>"), 415, null),
                bytes("HTML", "text/html", () -> utf8("<p>Текст</p>"), 415, null),
                bytes("a form (curl -d default)", "application/x-www-form-urlencoded", () -> utf8("text=Текст"), 415,
                        null),
                bytes("multipart", "multipart/form-data; boundary=x", () -> utf8("--x\r\n\r\nТекст\r\n--x--"), 415,
                        null),
                bytes("NDJSON to the single-article endpoint", NDJSON, () -> utf8("{\"text\":\"Текст\"}"), 415, null),
                new Case("JSON to the batch endpoint", "POST", "/api/articles/batch", JSON,
                        () -> utf8("{\"text\":\"Текст\"}"), 415, "unsupported-media-type"),
                bytes("feed item in windows-1251", "text/plain; charset=windows-1251",
                        () -> "Текст".getBytes(java.nio.charset.Charset.forName("windows-1251")), 415,
                        "unsupported-charset"),
                bytes("feed item with an unknown charset", "text/plain; charset=x-no-such", () -> utf8("Текст"), 415,
                        "unsupported-charset"),
                bytes("JSON in UTF-16", "application/json; charset=utf-16",
                        () -> "{\"text\":\"Текст\"}".getBytes(StandardCharsets.UTF_16), 415, "unsupported-charset"),
                bytes("a Content-Type that is not one", "not a media type", () -> utf8("Текст"), 415, null),
                // dates
                article("publishedAt in 2099", "\"publishedAt\": \"2099-01-01\"", "invalid-date"),
                article("publishedAt in three days", "\"publishedAt\": \"" + tomorrowPlus2 + "\"", "invalid-date"),
                article("publishedAt year +999999999", "\"publishedAt\": \"+999999999-12-31\"", "invalid-date"),
                article("publishedAt year 0202", "\"publishedAt\": \"0202-03-01\"", "invalid-date"),
                article("publishedAt 30 February", "\"publishedAt\": \"2026-02-30\"", "invalid-date"),
                article("publishedAt month 13", "\"publishedAt\": \"2026-13-01\"", "invalid-date"),
                article("publishedAt in words", "\"publishedAt\": \"вчера\"", "invalid-date"),
                article("publishedAt a Unix time string", "\"publishedAt\": \"1771372800\"", "invalid-date"),
                article("publishedAt with a space", "\"publishedAt\": \"2026-02-18 10:00\"", "invalid-date"),
                article("publishedAt far too long", "\"publishedAt\": \"2026-02-18" + " ".repeat(5) + "x".repeat(100)
                        + "\"", "invalid-date"),
                // huge and bad short fields
                article("title of 1,001 characters", "\"title\": \"" + "я".repeat(1001) + "\"", "field-too-long"),
                article("title of 100,000 characters", "\"title\": \"" + "я".repeat(100_000) + "\"", "field-too-long"),
                article("source of 201 characters", "\"source\": \"" + "s".repeat(201) + "\"", "field-too-long"),
                article("url of 3,000 characters", "\"url\": \"https://a.kz/" + "p".repeat(3000) + "\"",
                        "field-too-long"),
                article("relative url", "\"url\": \"/news/1\"", "invalid-url"),
                article("url without scheme", "\"url\": \"kazpravda.kz/news/1\"", "invalid-url"),
                article("ftp url", "\"url\": \"ftp://kazpravda.kz/news/1\"", "invalid-url"),
                article("url with a space", "\"url\": \"https://kazpravda.kz/a b\"", "invalid-url"),
                article("url with credentials", "\"url\": \"https://user:secret@kazpravda.kz/n/1\"", "invalid-url"),
                article("language a sentence", "\"language\": \"Russian please\"", "invalid-field"),
                // script and HTML in every field but text (text keeps markup verbatim; see markupInTextIsStoredVerbatim)
                article("script in the title", "\"title\": \"<script>alert(1)</script>\"", "markup"),
                article("HTML in the title", "\"title\": \"Новости <b>дня</b>\"", "markup"),
                article("img onerror in the source", "\"source\": \"<img src=x onerror=alert(1)>\"", "markup"),
                article("comment in the source", "\"source\": \"BAQ.KZ<!-- x -->\"", "markup"),
                article("javascript: url", "\"url\": \"javascript:alert(1)\"", "invalid-url"),
                article("data: url", "\"url\": \"data:text/html,<script>alert(1)</script>\"", "invalid-url"),
                article("script in the url path", "\"url\": \"https://a.kz/<script>alert(1)</script>\"",
                        "invalid-url"),
                article("script in publishedAt", "\"publishedAt\": \"<script>alert(1)</script>\"", "invalid-date"),
                article("script in language", "\"language\": \"<script>\"", "invalid-field"),
                bytes("script in a feed item's heading", TEXT, () -> utf8("<script>alert(1)</script> Заголовок "
                        + "Конституционная реформа 3 марта 2026 г. 5:00 6 Ербол Тишкамбаев О значении реформы."), 400,
                        "markup"),
                // unsupported methods, odd paths and ids
                call("GET the articles endpoint", "GET", "/api/articles", 405, "method-not-allowed"),
                call("PUT an article", "PUT", "/api/articles", 405, "method-not-allowed"),
                call("DELETE articles", "DELETE", "/api/articles", 405, "method-not-allowed"),
                call("PATCH an article", "PATCH", "/api/articles", 405, "method-not-allowed"),
                call("GET the batch endpoint", "GET", "/api/articles/batch", 405, "method-not-allowed"),
                // DELETE /api/articles/{id} exists (an operator's delete): "batch" is an id never seen
                call("DELETE the batch endpoint", "DELETE", "/api/articles/batch", 404, "not-found"),
                call("POST to an article id", "POST", "/api/articles/5343d941156dc0c80c305dfdb8f0e58d", 405,
                        "method-not-allowed"),
                call("DELETE an article id", "DELETE", "/api/articles/5343d941156dc0c80c305dfdb8f0e58d", 404,
                        "not-found"),
                call("a typo in the path", "POST", "/api/article", 404, "not-found"),
                call("below the batch endpoint", "POST", "/api/articles/batch/1", 404, "not-found"),
                call("a NUL in the path", "POST", "/api/articles/%00", 405, "method-not-allowed"),
                call("script in the path", "POST", "/api/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 405,
                        "method-not-allowed"),
                call("dot segments", "POST", "/api/articles/..%2F..%2Fhealth", 405, "method-not-allowed"),
                call("an encoded invalid UTF-8 byte", "POST", "/api/articles/%FF", 405, "method-not-allowed"),
                call("DELETE with a NUL in the id", "DELETE", "/api/articles/%00", 404, "not-found"),
                call("DELETE with script in the id", "DELETE", "/api/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                        404, "not-found"));
    }

    @BeforeAll
    void start() throws InterruptedException {
        broker = KafkaBroker.inJvm();
        ingest = IngestClient.start(broker.bootstrapServers(), Map.of());
        ingest.awaitHealthy();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        raw = new KafkaConsumer<>(props, new StringDeserializer(), new JsonSerde<>(RawArticle.class).deserializer());
        List<TopicPartition> partitions = raw.partitionsFor(Topics.ARTICLES_RAW.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        raw.assign(partitions);
        raw.seekToBeginning(partitions);
        assertEquals(List.of(), readNewRecords(), "articles.raw starts empty");
    }

    @AfterAll
    void stop() throws Exception {
        if (raw != null) {
            raw.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBadRequestGetsItsProblemAndLosesNothing(Case bad) throws IOException {
        HttpResponse<String> answer = send(bad);
        if (bad.status() == 200) {
            assertEveryLineRejected(answer);
        } else {
            JsonNode problem = assertProblem(answer, bad.status(), bad.kind());
            if (bad.status() == 405) {
                assertTrue(answer.headers().firstValue("Allow").isPresent(), "405 names the allowed methods");
            }
            assertNotNull(problem);
        }
        assertEquals(List.of(), readNewRecords(), "nothing of the bad request is in articles.raw");
        goodArticleIsAcceptedAndStored(bad.name());
    }

    @Test
    void markupInTextIsStoredVerbatim() throws IOException {
        String text = "Сообщение <script>alert(1)</script> и <b>жирный</b> текст, a<b, &amp; <!-- c -->.";
        HttpResponse<String> answer = post("/api/articles", JSON, Json.mapper().writeValueAsBytes(Map.of("text", text)));
        assertEquals(202, answer.statusCode(), answer.body());
        List<ConsumerRecord<String, RawArticle>> records = readNewRecords();
        assertEquals(1, records.size());
        assertEquals(text, records.get(0).value().text());
    }

    @Test
    void aTwentyMebibyteBatchIsReadWholeUnderTheDocumentedLimit() throws IOException {
        // 1,999 lines of 10 KB refused for their title, then one good line: the whole 20 MiB body is read (Micronaut's
        // own 10 MiB buffer limit would refuse it) and nothing but the good line is written.
        StringBuilder body = new StringBuilder(21 * MIB);
        String filler = "ж".repeat(5_300);
        for (int i = 0; i < 1_999; i++) {
            body.append("{\"title\": \"<b>").append(i).append("</b>\", \"text\": \"").append(filler).append("\"}\n");
        }
        String good = "Последняя строка большого пакета принята.";
        body.append("{\"text\": \"").append(good).append("\"}\n");
        byte[] bytes = utf8(body.toString());
        assertTrue(bytes.length > 20 * MIB && bytes.length < 32 * MIB, "size " + bytes.length);
        HttpResponse<String> answer = post("/api/articles/batch", NDJSON, bytes);
        assertEquals(200, answer.statusCode(), answer.body().substring(0, Math.min(500, answer.body().length())));
        JsonNode results = Json.mapper().readTree(answer.body());
        assertEquals(2_000, results.size());
        for (int i = 0; i < 1_999; i++) {
            assertEquals("rejected", results.get(i).get("status").asText());
            assertEquals("markup", kindOf(results.get(i).get("problem")));
        }
        assertEquals("accepted", results.get(1_999).get("status").asText());
        List<ConsumerRecord<String, RawArticle>> records = readNewRecords();
        assertEquals(1, records.size());
        assertEquals(good, records.get(0).value().text());
    }

    private HttpResponse<String> send(Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingest.uri(c.path()))
                .method(c.method(), HttpRequest.BodyPublishers.ofByteArray(c.body().get()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        return ingest.send(request);
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) {
        return ingest.send(HttpRequest.newBuilder(ingest.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void goodArticleIsAcceptedAndStored(String after) throws IOException {
        String text = "Статья номер " + goodArticles.incrementAndGet() + " после запроса «" + after + "» принята.";
        HttpResponse<String> answer = post("/api/articles", JSON, Json.mapper().writeValueAsBytes(
                Map.of("text", text, "source", "Kazpravda.kz", "publishedAt", "2026-02-18")));
        assertEquals(202, answer.statusCode(), answer.body());
        String id = Json.mapper().readTree(answer.body()).get("id").asText();
        List<ConsumerRecord<String, RawArticle>> records = readNewRecords();
        assertEquals(1, records.size(), "exactly the good article is new in articles.raw");
        assertEquals(id, records.get(0).key());
        assertEquals(text, records.get(0).value().text());
        assertEquals("Kazpravda.kz", records.get(0).value().source());
    }

    /** The records after those read before, up to the end of articles.raw now. */
    private List<ConsumerRecord<String, RawArticle>> readNewRecords() {
        Map<TopicPartition, Long> end = new java.util.HashMap<>(raw.endOffsets(raw.assignment()));
        List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        end.entrySet().removeIf(e -> raw.position(e.getKey()) >= e.getValue());
        while (!end.isEmpty() && System.nanoTime() < deadline) {
            raw.poll(Duration.ofMillis(100)).forEach(records::add);
            end.entrySet().removeIf(e -> raw.position(e.getKey()) >= e.getValue());
        }
        assertTrue(end.isEmpty(), "articles.raw read to its end");
        return records;
    }

    private static void assertEveryLineRejected(HttpResponse<String> answer) throws IOException {
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode results = Json.mapper().readTree(answer.body());
        assertFalse(results.isEmpty(), answer.body());
        for (JsonNode result : results) {
            assertEquals("rejected", result.get("status").asText(), answer.body());
            assertShape(result.get("problem"), 400, answer.body());
        }
    }

    /** The one problem shape: application/problem+json, exactly type, title, status (= the HTTP status), detail. */
    static JsonNode assertProblem(HttpResponse<String> answer, int status, String kind) throws IOException {
        String body = answer.body();
        assertEquals(status, answer.statusCode(), body);
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), body);
        JsonNode problem = Json.mapper().readTree(body);
        assertShape(problem, status, body);
        if (kind != null) {
            assertEquals(kind, kindOf(problem), body);
        }
        return problem;
    }

    private static void assertShape(JsonNode problem, int status, String body) {
        assertNotNull(problem, body);
        assertEquals(List.of("type", "title", "status", "detail"), fieldNames(problem), body);
        assertTrue(problem.get("type").asText().startsWith("https://aqparat.kz/problems/"), body);
        assertEquals(HttpStatus.valueOf(status).getReason(), problem.get("title").asText(), body);
        assertEquals(status, problem.get("status").asInt(), body);
        assertFalse(problem.get("detail").asText().isBlank(), body);
        assertTrue(problem.get("detail").asText().length() <= 501, "a bounded detail: " + body.length());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String kindOf(JsonNode problem) {
        return problem.get("type").asText().substring("https://aqparat.kz/problems/".length());
    }
}
