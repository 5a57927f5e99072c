package kz.aqparat.ingest.articles;

/** Kafka did not acknowledge a write in time, or the id view is not ready: the client should retry later. */
public final class KafkaUnavailable extends RuntimeException {

    public KafkaUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
