package kz.aqparat.store.streams;

import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.dlq.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record of {@code articles.enriched} that cannot be read (including one the store's limits refuse: see
 * {@link kz.aqparat.store.topology.ReceivedArticle}) goes to {@code articles.dlq}, bytes unchanged unless too large
 * for a dead letter ({@link DeadLetter}), with the {@link DlqHeaders} saying why and where from, and processing goes
 * on. Kafka Streams writes the DLQ record in the same transaction that skips the input record.
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
        DeadLetter deadLetter = DeadLetter.of(SERVICE, STAGE, exception,
                new DeadLetter.Origin(record.topic(), record.partition(), record.offset()), record.key(),
                record.value(), record.headers());
        return Response.resume(List.of(deadLetter.toProducerRecord()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
