package kz.aqparat.extraction.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * A text cut into tokens in one linear pass, without regular expressions: runs of letters ({@link #WORD}), runs of
 * ASCII digits ({@link #NUMBER}) and single other non-space characters ({@link #SYMBOL}). White space is not a token;
 * each token records how much white space precedes it, so that callers can tell "10-15" from "10 - 15" and
 * "1 500" from "1\n500". Offsets are Java String indexes into the text.
 */
public final class Tokens {

    public static final byte WORD = 1;
    public static final byte NUMBER = 2;
    public static final byte SYMBOL = 3;

    private final String text;
    private byte[] kind;
    private int[] start;
    private int[] end;
    /** White space before the token: 0 none, 1 one space-like character, 2 more or a line break. */
    private byte[] gap;
    private int size;

    private Tokens(String text) {
        this.text = text;
        int capacity = Math.max(16, text.length() / 4);
        kind = new byte[capacity];
        start = new int[capacity];
        end = new int[capacity];
        gap = new byte[capacity];
    }

    public static Tokens of(String text) {
        Tokens t = new Tokens(text);
        int n = text.length();
        int i = 0;
        int spaces = 0;
        boolean newline = false;
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                spaces++;
                newline |= c == '\n' || c == '\r';
                i++;
                continue;
            }
            byte g = spaces == 0 ? 0 : (spaces == 1 && !newline ? (byte) 1 : (byte) 2);
            int j = i + 1;
            byte k;
            if (isDigit(c)) {
                while (j < n && isDigit(text.charAt(j))) {
                    j++;
                }
                k = NUMBER;
            } else if (Chars.isLetter(c)) {
                while (j < n && isLetterPart(text.charAt(j))) {
                    j++;
                }
                k = WORD;
            } else {
                k = SYMBOL;
            }
            t.add(k, i, j, g);
            spaces = 0;
            newline = false;
            i = j;
        }
        return t;
    }

    private void add(byte k, int s, int e, byte g) {
        if (size == kind.length) {
            int capacity = size * 2;
            kind = Arrays.copyOf(kind, capacity);
            start = Arrays.copyOf(start, capacity);
            end = Arrays.copyOf(end, capacity);
            gap = Arrays.copyOf(gap, capacity);
        }
        kind[size] = k;
        start[size] = s;
        end[size] = e;
        gap[size] = g;
        size++;
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetterPart(char c) {
        // Combining accents (stress marks in Russian texts) stay inside their word.
        if (c < 0x80 || c >= 'А' && c <= 'я') {
            return Chars.isLetter(c);
        }
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    public static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F || c >= 'А' && c <= 'я') {
            return false;
        }
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\u00A0' || c == '\u2009' || c == '\u202F'
                || c == '\u2007' || c == '\u200B' || c == '\f' || c == '\u000B' || Character.isSpaceChar(c);
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public byte kind(int i) {
        return kind[i];
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    public int length(int i) {
        return end[i] - start[i];
    }

    /** True when token {@code i} directly follows the previous one, with no white space between. */
    public boolean attached(int i) {
        return gap[i] == 0;
    }

    /** True when exactly one space-like character (no line break) separates token {@code i} from the previous. */
    public boolean singleSpaced(int i) {
        return gap[i] == 1;
    }

    /** True when token {@code i} follows the previous one on the same line (attached or one space). */
    public boolean near(int i) {
        return gap[i] <= 1;
    }

    public boolean isWord(int i) {
        return i >= 0 && i < size && kind[i] == WORD;
    }

    public boolean isNumber(int i) {
        return i >= 0 && i < size && kind[i] == NUMBER;
    }

    public boolean isSymbol(int i, char c) {
        return i >= 0 && i < size && kind[i] == SYMBOL && text.charAt(start[i]) == c;
    }

    public boolean isDash(int i) {
        if (i < 0 || i >= size || kind[i] != SYMBOL) {
            return false;
        }
        char c = text.charAt(start[i]);
        return c == '-' || c == '–' || c == '—' || c == '‒' || c == '−';
    }

    public String string(int i) {
        return text.substring(start[i], end[i]);
    }

    public String lower(int i) {
        return text.substring(start[i], end[i]).toLowerCase(Locale.ROOT);
    }

    public boolean isCapitalised(int i) {
        return Chars.isUpperCase(text.charAt(start[i]));
    }

    /** Parses a short digit run; -1 when it has more than nine digits. */
    public int intValue(int i) {
        if (length(i) > 9) {
            return -1;
        }
        int v = 0;
        for (int p = start[i]; p < end[i]; p++) {
            v = v * 10 + (text.charAt(p) - '0');
        }
        return v;
    }
}
