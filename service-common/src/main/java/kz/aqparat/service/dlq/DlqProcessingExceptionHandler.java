package kz.aqparat.service.dlq;

import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence of a stateless topology: an exception that escapes a processor (a bug, not a bad
 * record; bad records are dead-lettered by the topology itself) sends the source record's raw key, value and
 * headers to {@code articles.dlq} as a {@link DeadLetter} with stage {@value #STAGE}, through Kafka Streams'
 * dead-letter records (KIP-1034) in the same transaction, and processing goes on. Set
 * {@code processing.exception.handler} to this class and {@value #SERVICE_CONFIG} to the service's name. Not for a
 * topology that updates several stores per record: resuming after a partial update would commit it.
 */
public class DlqProcessingExceptionHandler implements ProcessingExceptionHandler {

    /** The Streams config naming the service, for {@code dlq.service}. */
    public static final String SERVICE_CONFIG = "aqparat.dlq.service";
    public static final String STAGE = "streams.process";

    private static final Logger LOG = LoggerFactory.getLogger(DlqProcessingExceptionHandler.class);

    private String service = "unknown";

    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(SERVICE_CONFIG);
        if (name != null) {
            service = name.toString();
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.error("processor {} failed on the record at {}-{}@{}, sending it to {}", context.processorNodeId(),
                context.topic(), context.partition(), context.offset(), Topics.ARTICLES_DLQ.name(), exception);
        DeadLetter deadLetter = DeadLetter.of(service, STAGE, exception,
                new DeadLetter.Origin(context.topic(), context.partition(), context.offset()),
                context.sourceRawKey(), context.sourceRawValue(), context.headers());
        return Response.resume(List.of(deadLetter.toProducerRecord()));
    }
}
