package kz.aqparat.store.topology;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * Writes the fields of a store value in the binary store format, read back by {@link BinaryReader}: numbers as
 * zig-zag varints (so small negative counts stay small), strings and lists prefixed by their length.
 */
final class BinaryWriter {

    private ByteBuffer buffer;

    BinaryWriter(int expectedSize) {
        buffer = ByteBuffer.allocate(expectedSize);
    }

    void writeByte(byte value) {
        reserve(1);
        buffer.put(value);
    }

    void writeLong(long value) {
        reserve(10);
        ByteUtils.writeVarlong(value, buffer);
    }

    /** A string or null: its UTF-8 length plus one (0 for null), then its UTF-8 bytes. */
    void writeString(String value) {
        if (value == null) {
            writeSize(0);
            return;
        }
        byte[] utf8 = value.getBytes(UTF_8);
        reserve(5 + utf8.length);
        ByteUtils.writeUnsignedVarint(utf8.length + 1, buffer);
        buffer.put(utf8);
    }

    /** An instant or null: a presence byte, then its epoch second and nanosecond. */
    void writeInstant(Instant value) {
        writeByte((byte) (value == null ? 0 : 1));
        if (value != null) {
            writeLong(value.getEpochSecond());
            writeLong(value.getNano());
        }
    }

    /** A list without null elements: its size, then each element. */
    <T> void writeList(List<T> values, BiConsumer<T, BinaryWriter> element) {
        writeSize(values.size());
        for (T value : values) {
            element.accept(value, this);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private void writeSize(int size) {
        reserve(5);
        ByteUtils.writeUnsignedVarint(size, buffer);
    }

    private void reserve(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(2 * buffer.capacity(), buffer.position() + bytes));
            bigger.put(buffer.flip());
            buffer = bigger;
        }
    }
}
