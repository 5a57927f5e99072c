package kz.aqparat.extraction.text;

/**
 * {@link Character}'s letter tests with the answer for ASCII and the basic Russian alphabet (А–я) worked out inline:
 * nearly every character of an article is one of those, and the general lookup through the Unicode tables is what
 * the tokenizers spent most of their time in. Same results as {@link Character} for every {@code char}.
 */
public final class Chars {

    private Chars() {
    }

    public static boolean isLetter(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return c >= 'А' && c <= 'я' || Character.isLetter(c);
    }

    public static boolean isDigit(char c) {
        if (c < 0x80) {
            return c >= '0' && c <= '9';
        }
        return !(c >= 'А' && c <= 'я') && Character.isDigit(c);
    }

    public static boolean isUpperCase(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z';
        }
        if (c >= 'А' && c <= 'я') {
            return c <= 'Я';
        }
        return Character.isUpperCase(c);
    }

    public static char toLowerCase(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (c >= 'А' && c <= 'я') {
            return c <= 'Я' ? (char) (c + ('а' - 'А')) : c;
        }
        return Character.toLowerCase(c);
    }

    /** ASCII or the basic Russian alphabet: characters whose lower case {@link String#toLowerCase} maps one to one. */
    public static boolean isSimple(char c) {
        return c < 0x80 || c >= 'А' && c <= 'я';
    }
}
