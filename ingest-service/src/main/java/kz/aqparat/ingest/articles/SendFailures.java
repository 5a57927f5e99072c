package kz.aqparat.ingest.articles;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** Which failed writes may nevertheless be in {@code articles.raw}. */
final class SendFailures {

    private SendFailures() {
    }

    /**
     * False only for failures that mean the broker never appended the record (refused before sending, or refused
     * whole by validation). A timeout, a lost connection or {@code NOT_ENOUGH_REPLICAS_AFTER_APPEND} leave it open:
     * the leader may have appended the record and followers may still replicate it.
     */
    static boolean mayHaveBeenWritten(Throwable error) {
        return !(error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException
                || error instanceof SerializationException
                || error instanceof AuthenticationException
                || error instanceof AuthorizationException
                || error instanceof InvalidTopicException
                || error instanceof UnsupportedVersionException
                || error instanceof BufferExhaustedException);
    }
}
