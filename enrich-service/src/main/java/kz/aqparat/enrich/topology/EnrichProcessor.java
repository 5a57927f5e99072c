package kz.aqparat.enrich.topology;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Topics;
import kz.aqparat.extraction.article.EnrichedArticles;
import kz.aqparat.service.dlq.DeadLetter;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Parses one record of {@code articles.raw} or {@code articles.replay} and enriches it, stamping its source version
 * ({@code enrichment.sourceVersion}, see {@link EnrichInput}), forwards a delete, or says why it cannot: never
 * throws for a bad record. Whatever is in
 * {@code articles.raw}, what it forwards fits the topics' limits ({@link RecordLimits}): a raw value, headers or
 * article id over the limits is dead-lettered, the enrichment is bounded ({@link EnrichedSize}), and a dead letter
 * is cut to size ({@link DeadLetter}).
 */
final class EnrichProcessor implements FixedKeyProcessor<byte[], byte[], EnrichOutcome> {

    private final EnrichInput input;
    private final ExtractionEngine extractor;
    private final Clock clock;
    private final EnrichListener listener;
    private final int maxEnrichedBytes;
    private FixedKeyProcessorContext<byte[], EnrichOutcome> context;

    EnrichProcessor(EnrichInput input, ExtractionEngine extractor, Clock clock, EnrichListener listener,
                    int maxEnrichedBytes) {
        this.input = input;
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
        long sourceVersion;
        try {
            checkSize(record);
        } catch (RecordTooLargeException e) {
            deadLetter(record, EnrichTopology.STAGE_VALIDATE, e);
            return;
        }
        try {
            sourceVersion = input.sourceVersion(record, context.recordMetadata().orElseThrow(
                    () -> new IllegalStateException("a record without metadata: not from " + input.topic())));
        } catch (InvalidArticleException e) {
            deadLetter(record, EnrichTopology.STAGE_VALIDATE, e);
            return;
        }
        if (record.value() == null) {
            delete(record, sourceVersion);
            return;
        }
        RawArticle raw;
        try {
            raw = parse(record.value());
        } catch (InvalidArticleException e) {
            deadLetter(record, EnrichTopology.STAGE_VALIDATE, e);
            return;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // StackOverflowError: Jackson bounds nesting, but a parser is the first thing hostile input reaches.
            deadLetter(record, EnrichTopology.STAGE_DESERIALIZE, e);
            return;
        }
        EnrichedArticle enriched;
        try {
            Extraction extraction = extractor.extract(raw.text(), PublicationDates.parse(raw.publishedAt()));
            enriched = EnrichedArticles.of(raw, extraction,
                    new Enrichment(extractor.version(), clock.instant(), sourceVersion));
        } catch (Throwable e) {
            rethrowIfFatal(e);
            deadLetter(record, EnrichTopology.STAGE_EXTRACT, e);
            return;
        }
        EnrichedSize.Fitted fitted;
        try {
            fitted = EnrichedSize.fit(enriched, maxEnrichedBytes);
        } catch (IOException | RuntimeException e) {
            deadLetter(record, EnrichTopology.STAGE_SERIALIZE, e);
            return;
        }
        listener.enriched(fitted.article());
        context.forward(record.withValue(new EnrichOutcome.Enriched(fitted.article().id(), fitted.json())));
    }

    /**
     * A tombstone on {@code articles.raw} deletes the article: it goes on to {@code articles.enriched} as a
     * tombstone saying its raw offset, so that the store can tell the delete from older and newer versions. On
     * {@code articles.replay} a tombstone is a mistake (a delete needs no re-processing, and its offset would be
     * the replay topic's): it is dead-lettered.
     */
    private void delete(FixedKeyRecord<byte[], byte[]> record, long sourceVersion) {
        String id;
        Headers headers;
        try {
            if (input == EnrichInput.REPLAY) {
                throw new InvalidArticleException("a tombstone on " + input.topic() + " is not re-processed: "
                        + "an article is deleted by a tombstone on " + Topics.ARTICLES_RAW.name());
            }
            id = articleId(record.key());
            headers = new org.apache.kafka.common.header.internals.RecordHeaders(record.headers().toArray());
            headers.remove(RecordHeaders.SOURCE_OFFSET);
            headers.add(RecordHeaders.SOURCE_OFFSET, Long.toString(sourceVersion).getBytes(StandardCharsets.US_ASCII));
            long headerBytes = DeadLetter.size(headers);
            if (headerBytes > RecordLimits.MAX_HEADERS_BYTES) {
                throw new InvalidArticleException("the tombstone's headers, with " + RecordHeaders.SOURCE_OFFSET
                        + ", take " + headerBytes + " bytes, more than the " + RecordLimits.MAX_HEADERS_BYTES
                        + " bytes a record's headers may take");
            }
        } catch (InvalidArticleException e) {
            deadLetter(record, EnrichTopology.STAGE_VALIDATE, e);
            return;
        }
        listener.deleted(id);
        context.forward(record.withValue((EnrichOutcome) new EnrichOutcome.Deleted(id)).withHeaders(headers));
    }

    /** The key of a tombstone: the id of the article to delete, UTF-8, within {@link RecordLimits#MAX_KEY_BYTES}. */
    private static String articleId(byte[] key) {
        if (key == null || key.length == 0) {
            throw new InvalidArticleException("a tombstone without a key (article id) deletes nothing");
        }
        if (key.length > RecordLimits.MAX_KEY_BYTES) {
            throw new InvalidArticleException("the tombstone's key is " + key.length + " bytes, more than the "
                    + RecordLimits.MAX_KEY_BYTES + " bytes an article id may be");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidArticleException("the tombstone's key is not UTF-8, so it names no article id");
        }
    }

    /** Before parsing, so that a huge record costs nothing more than its dead letter. */
    private static void checkSize(FixedKeyRecord<byte[], byte[]> record) {
        if (record.value() != null && record.value().length > RecordLimits.MAX_RAW_VALUE_BYTES) {
            throw new RecordTooLargeException("the raw article is " + record.value().length + " bytes, more than the "
                    + RecordLimits.MAX_RAW_VALUE_BYTES + " bytes an articles.raw value may be");
        }
        long headerBytes = DeadLetter.size(record.headers());
        if (headerBytes > RecordLimits.MAX_HEADERS_BYTES) {
            throw new RecordTooLargeException("the record's headers take " + headerBytes + " bytes, more than the "
                    + RecordLimits.MAX_HEADERS_BYTES + " bytes a record's headers may take");
        }
    }

    private static RawArticle parse(byte[] value) throws IOException {
        RawArticle raw = Json.mapper().readValue(value, RawArticle.class);
        if (raw == null) {
            throw new InvalidArticleException("the value is JSON null, not an article");
        }
        if (raw.text() == null || raw.text().isBlank()) {
            throw new InvalidArticleException("the article has no text");
        }
        checkUnicode("id", raw.id());
        checkUnicode("source", raw.source());
        checkUnicode("url", raw.url());
        checkUnicode("title", raw.title());
        checkUnicode("author", raw.author());
        checkUnicode("publishedAt", raw.publishedAt());
        checkUnicode("language", raw.language());
        checkUnicode("text", raw.text());
        if (raw.id() == null || raw.id().isBlank()) {
            return raw.withId(ArticleIds.of(raw.url(), raw.text()));
        }
        int idBytes = raw.id().getBytes(StandardCharsets.UTF_8).length;
        if (idBytes > RecordLimits.MAX_KEY_BYTES) {
            throw new InvalidArticleException("the article id is " + idBytes + " bytes, more than the "
                    + RecordLimits.MAX_KEY_BYTES + " bytes a key may be");
        }
        return raw;
    }

    /**
     * A JSON escape can carry a lone surrogate (U+D800 without its pair), which Jackson reads and would write back as
     * bytes that are not UTF-8, breaking strict readers of every later topic and of store's HTTP answers.
     */
    private static void checkUnicode(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidArticleException("the article's " + field + " has a lone surrogate (U+"
                        + Integer.toHexString(c).toUpperCase() + ") at index " + i + ", which is not Unicode text");
            }
        }
    }

    /**
     * An error of the extraction engine on one text (a stack overflow in a regular expression, an allocation too
     * large for the heap, an assertion) is the article's, and must not stop the pipeline: its stack is unwound and
     * its memory free again. A broken JVM or deployment (a missing class) is not, and would fail every article.
     */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof LinkageError
                || e instanceof VirtualMachineError && !(e instanceof StackOverflowError)
                && !(e instanceof OutOfMemoryError)) {
            throw (Error) e;
        }
    }

    private void deadLetter(FixedKeyRecord<byte[], byte[]> record, String stage, Throwable error) {
        DeadLetter.Origin origin = context.recordMetadata()
                .map(source -> new DeadLetter.Origin(source.topic(), source.partition(), source.offset()))
                .orElse(null);
        DeadLetter deadLetter = DeadLetter.of(EnrichTopology.SERVICE, stage, error, origin, record.key(),
                record.value(), record.headers());
        listener.deadLettered(stage, error);
        context.forward(record.withValue((EnrichOutcome) new EnrichOutcome.Failed(deadLetter))
                .withHeaders(deadLetter.headers()));
    }
}
