package kz.aqparat.enrich.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Parses one raw record and enriches it, or says why it cannot be: never throws for a bad record. */
final class EnrichProcessor implements FixedKeyProcessor<byte[], byte[], EnrichOutcome> {

    /** Headers are meant to be small; a parser message can quote much of the input. */
    private static final int MAX_MESSAGE_CHARS = 1000;

    private final ExtractionEngine extractor;
    private final Clock clock;
    private final EnrichListener listener;
    private final int maxEnrichedBytes;
    private FixedKeyProcessorContext<byte[], EnrichOutcome> context;

    EnrichProcessor(ExtractionEngine extractor, Clock clock, EnrichListener listener, int maxEnrichedBytes) {
        this.extractor = extractor;
        this.clock = clock;
        this.listener = listener;
        this.maxEnrichedBytes = maxEnrichedBytes;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], EnrichOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        RawArticle raw;
        try {
            raw = parse(record.value());
        } catch (InvalidArticleException e) {
            deadLetter(record, EnrichTopology.STAGE_VALIDATE, e);
            return;
        } catch (IOException | RuntimeException e) {
            deadLetter(record, EnrichTopology.STAGE_DESERIALIZE, e);
            return;
        }
        EnrichedArticle enriched;
        try {
            Extraction extraction = extractor.extract(raw.text(), PublicationDates.parse(raw.publishedAt()));
            enriched = EnrichedArticle.of(raw, extraction, new Enrichment(extractor.version(), clock.instant()));
        } catch (RuntimeException | StackOverflowError e) {
            // StackOverflowError: regular expressions can recurse deeply on pathological text; one such article
            // must not stop the pipeline.
            deadLetter(record, EnrichTopology.STAGE_EXTRACT, e);
            return;
        }
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(enriched);
            if (json.length > maxEnrichedBytes) {
                throw new RecordTooLargeException("the enriched article is " + json.length
                        + " bytes, more than the " + maxEnrichedBytes + " bytes articles.enriched accepts");
            }
        } catch (IOException | RuntimeException e) {
            deadLetter(record, EnrichTopology.STAGE_SERIALIZE, e);
            return;
        }
        listener.enriched(enriched);
        context.forward(record.withValue(new EnrichOutcome.Enriched(enriched.id(), json)));
    }

    private static RawArticle parse(byte[] value) throws IOException {
        if (value == null) {
            throw new InvalidArticleException("the record has no value (a tombstone is not an article)");
        }
        RawArticle raw = Json.mapper().readValue(value, RawArticle.class);
        if (raw == null) {
            throw new InvalidArticleException("the value is JSON null, not an article");
        }
        if (raw.text() == null || raw.text().isBlank()) {
            throw new InvalidArticleException("the article has no text");
        }
        if (raw.id() == null || raw.id().isBlank()) {
            return raw.withId(ArticleIds.of(raw.url(), raw.text()));
        }
        return raw;
    }

    private void deadLetter(FixedKeyRecord<byte[], byte[]> record, String stage, Throwable error) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        put(headers, DlqHeaders.STAGE, stage);
        put(headers, DlqHeaders.ERROR_CLASS, error.getClass().getName());
        put(headers, DlqHeaders.ERROR_MESSAGE, truncate(error.getMessage() == null ? "" : error.getMessage()));
        put(headers, DlqHeaders.SERVICE, EnrichTopology.SERVICE);
        context.recordMetadata().ifPresent(source -> putOrigin(headers, source));
        listener.deadLettered(stage, error);
        context.forward(record.withValue((EnrichOutcome) new EnrichOutcome.Failed(record.value()))
                .withHeaders(headers));
    }

    private static void putOrigin(Headers headers, RecordMetadata source) {
        put(headers, DlqHeaders.ORIGINAL_TOPIC, source.topic());
        put(headers, DlqHeaders.ORIGINAL_PARTITION, Integer.toString(source.partition()));
        put(headers, DlqHeaders.ORIGINAL_OFFSET, Long.toString(source.offset()));
    }

    private static void put(Headers headers, String name, String value) {
        // A record replayed from the dead-letter topic still carries its previous reason.
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
