package kz.aqparat.store.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import kz.aqparat.contracts.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of a state store's values: writes a format byte, then the value's fields through a {@link BinaryWriter}.
 * Reads that, the earlier binary formats it is given a reader for (so that a value type can gain fields without a
 * reset), and also the JSON of {@link JsonSerde} that stores and changelogs written by earlier releases hold
 * (recognised by its leading {@code '{'}), so that an upgrade needs no reset. A null value is a tombstone.
 */
final class BinaryStoreSerde<T> implements Serde<T> {

    /** The first byte of a value in the first binary format; a JSON object starts with {@code '{'} instead. */
    static final byte FORMAT = 1;
    private static final byte JSON_OBJECT = '{';

    private final Class<T> type;
    private final int expectedSize;
    private final byte format;
    private final BiConsumer<T, BinaryWriter> write;
    private final Map<Byte, Function<BinaryReader, T>> readers;
    private final Deserializer<T> json;
    private final Serializer<T> serializer = this::serialize;
    private final Deserializer<T> deserializer = this::deserialize;

    /**
     * @param expectedSize the size of a typical value in bytes, to allocate the buffer once
     * @param write        writes the fields of a value
     * @param read         reads them back, in the same order
     */
    BinaryStoreSerde(Class<T> type, int expectedSize, BiConsumer<T, BinaryWriter> write,
                     Function<BinaryReader, T> read) {
        this(type, expectedSize, FORMAT, write, read, Map.of());
    }

    /**
     * @param format       the format byte written, and read with {@code read}
     * @param olderFormats readers of the formats earlier releases wrote, by format byte
     */
    BinaryStoreSerde(Class<T> type, int expectedSize, byte format, BiConsumer<T, BinaryWriter> write,
                     Function<BinaryReader, T> read, Map<Byte, Function<BinaryReader, T>> olderFormats) {
        if (format == JSON_OBJECT || olderFormats.containsKey(format) || olderFormats.containsKey(JSON_OBJECT)) {
            throw new IllegalArgumentException("format bytes must differ from each other and from '{'");
        }
        this.type = type;
        this.expectedSize = expectedSize;
        this.format = format;
        this.write = write;
        Map<Byte, Function<BinaryReader, T>> all = new HashMap<>(olderFormats);
        all.put(format, read);
        this.readers = Map.copyOf(all);
        this.json = new JsonSerde<>(type).deserializer();
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    private byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        BinaryWriter out = new BinaryWriter(expectedSize);
        out.writeByte(format);
        write.accept(value, out);
        return out.toByteArray();
    }

    private T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length > 0 && bytes[0] == JSON_OBJECT) {
            return json.deserialize(topic, bytes);
        }
        Function<BinaryReader, T> read = bytes.length == 0 ? null : readers.get(bytes[0]);
        if (read == null) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + topic
                    + ": unknown format " + (bytes.length == 0 ? "(no bytes)" : "byte " + bytes[0])
                    + " (written by a later release?)");
        }
        try {
            BinaryReader in = new BinaryReader(bytes, 1);
            T value = read.apply(in);
            in.expectEnd();
            return value;
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + topic
                    + ": corrupt value of " + bytes.length + " bytes (" + e + ")", e);
        }
    }
}
