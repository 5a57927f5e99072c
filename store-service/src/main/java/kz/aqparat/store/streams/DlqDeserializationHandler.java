package kz.aqparat.store.streams;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record of {@code articles.enriched} that cannot be read goes, bytes unchanged, to {@code articles.dlq} with
 * the {@link DlqHeaders} saying why and where from, and processing goes on. Kafka Streams writes the DLQ record in
 * the same transaction that skips the input record.
 */
public class DlqDeserializationHandler implements DeserializationExceptionHandler {

    static final String STAGE = "store.deserialize";
    static final String SERVICE = "store-service";

    private static final Logger LOG = LoggerFactory.getLogger(DlqDeserializationHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        LOG.warn("cannot read the record at {}-{}@{}, sending it to {}: {}", record.topic(), record.partition(),
                record.offset(), Topics.ARTICLES_DLQ.name(), exception.toString());
        Headers headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        put(headers, DlqHeaders.STAGE, STAGE);
        put(headers, DlqHeaders.ERROR_CLASS, exception.getClass().getName());
        put(headers, DlqHeaders.ERROR_MESSAGE, String.valueOf(exception.getMessage()));
        put(headers, DlqHeaders.ORIGINAL_TOPIC, record.topic());
        put(headers, DlqHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        put(headers, DlqHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        put(headers, DlqHeaders.SERVICE, SERVICE);
        return Response.resume(List.of(new ProducerRecord<>(Topics.ARTICLES_DLQ.name(), null, record.key(),
                record.value(), headers)));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
