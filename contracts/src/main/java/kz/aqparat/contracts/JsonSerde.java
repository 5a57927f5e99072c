package kz.aqparat.contracts;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for a contract record, through {@link Json#mapper()}. A null record is a tombstone. */
public final class JsonSerde<T> implements Serde<T> {

    private final JavaType type;

    public JsonSerde(Class<T> type) {
        this.type = Json.mapper().constructType(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return Json.mapper().writeValueAsBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return Json.mapper().readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type.getRawClass().getSimpleName()
                        + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
