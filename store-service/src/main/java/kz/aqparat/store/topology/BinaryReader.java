package kz.aqparat.store.topology;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * Reads the fields that {@link BinaryWriter} wrote, in the same order. Bytes that end too early or hold an
 * impossible length fail with a runtime exception rather than a wrong value.
 */
final class BinaryReader {

    private final ByteBuffer buffer;

    /** Reads {@code bytes} from {@code offset} on. */
    BinaryReader(byte[] bytes, int offset) {
        buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    }

    byte readByte() {
        return buffer.get();
    }

    long readLong() {
        return ByteUtils.readVarlong(buffer);
    }

    String readString() {
        int length = readSize() - 1;
        if (length < 0) {
            return null;
        }
        checkRemaining(length);
        String value = new String(buffer.array(), buffer.position(), length, UTF_8);
        buffer.position(buffer.position() + length);
        return value;
    }

    Instant readInstant() {
        if (readByte() == 0) {
            return null;
        }
        long seconds = readLong();
        return Instant.ofEpochSecond(seconds, readLong());
    }

    <T> List<T> readList(Function<BinaryReader, T> element) {
        int size = readSize();
        // Every element takes at least one byte: a larger size is corrupt, and must not allocate a huge list.
        checkRemaining(size);
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(element.apply(this));
        }
        return values;
    }

    /** Fails unless every byte has been read: trailing bytes mean the value is not what was written. */
    void expectEnd() {
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException(buffer.remaining() + " unread bytes after the value");
        }
    }

    private int readSize() {
        int size = ByteUtils.readUnsignedVarint(buffer);
        if (size < 0) {
            throw new IllegalArgumentException("negative length " + size);
        }
        return size;
    }

    private void checkRemaining(int bytes) {
        if (bytes > buffer.remaining()) {
            throw new BufferUnderflowException();
        }
    }
}
