package kz.aqparat.service.kafka;

/** An existing pipeline topic the service must not run on (another partition count); the message says what to do. */
public class TopicLayoutException extends IllegalStateException {

    public TopicLayoutException(String message) {
        super(message);
    }
}
