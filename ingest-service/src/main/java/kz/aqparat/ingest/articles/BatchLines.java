package kz.aqparat.ingest.articles;

import java.util.Arrays;

/**
 * The lines of an NDJSON body, found in place: counting them allocates nothing, so a batch of millions of tiny
 * lines is refused before any per-line work. A line is blank when it holds only ASCII white space.
 */
final class BatchLines {

    private final byte[] body;

    BatchLines(byte[] body) {
        this.body = body;
    }

    /** The number of non-blank lines. */
    int count() {
        int count = 0;
        boolean blank = true;
        for (byte b : body) {
            if (b == '\n') {
                count += blank ? 0 : 1;
                blank = true;
            } else if (!isAsciiSpace(b)) {
                blank = false;
            }
        }
        return count + (blank ? 0 : 1);
    }

    /** Receives each non-blank line with its 1-based number. */
    interface LineConsumer {
        void accept(int number, int start, int end);
    }

    void forEach(LineConsumer consumer) {
        int number = 1;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                if (!isBlank(start, i)) {
                    consumer.accept(number, start, i);
                }
                number++;
                start = i + 1;
            }
        }
    }

    byte[] copy(int start, int end) {
        return Arrays.copyOfRange(body, start, end);
    }

    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isAsciiSpace(body[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
    }
}
