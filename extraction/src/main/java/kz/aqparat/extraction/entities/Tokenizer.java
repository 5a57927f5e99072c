package kz.aqparat.extraction.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words (letters and digits, joined by inner hyphens and apostrophes), numbers and single
 * punctuation marks, in one linear pass.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    private static boolean letterOrDigit(char c) {
        return c >= 'а' && c <= 'я' || c >= 'А' && c <= 'Я' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z' || c >= 0x80 && Character.isLetterOrDigit(c);
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(Math.max(16, text.length() / 6));
        int n = text.length();
        int i = 0;
        boolean newline = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7F || c >= 0x80 && !(c >= 'А' && c <= 'я') && (Character.isWhitespace(c)
                    || Character.isSpaceChar(c) || Character.isISOControl(c))) {
                if (c == '\n' || c == '\r') {
                    newline = true;
                }
                i++;
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                tokens.add(new Token(text.substring(i, i + 2), i, i + 2, Token.Kind.PUNCT, newline));
                newline = false;
                i += 2;
                continue;
            }
            if (letterOrDigit(c)) {
                int start = i;
                boolean letters = false;
                boolean cyr = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d >= 'а' && d <= 'я' || d >= 'А' && d <= 'Я') {
                        letters = true;
                        cyr = true;
                        i++;
                    } else if (d >= '0' && d <= '9') {
                        i++;
                    } else if (Character.isLetterOrDigit(d) && !Character.isSurrogate(d)) {
                        if (Character.isLetter(d)) {
                            letters = true;
                            cyr |= Normalizer.isCyrillic(d);
                        }
                        i++;
                    } else if ((d == '-' || d == '\'' || d == '’' || d == '‑') && i + 1 < n
                            && Character.isLetterOrDigit(text.charAt(i + 1)) && i > start
                            && Character.isLetter(text.charAt(i - 1)) | Character.isLetter(text.charAt(i + 1))) {
                        i++;
                    } else {
                        break;
                    }
                }
                Token.Kind kind = !letters ? Token.Kind.NUMBER : cyr ? Token.Kind.CYRILLIC : Token.Kind.LATIN;
                tokens.add(new Token(text.substring(start, i), start, i, kind, newline));
                newline = false;
                continue;
            }
            tokens.add(new Token(String.valueOf(c), i, i + 1, Token.Kind.PUNCT, newline));
            newline = false;
            i++;
        }
        return tokens;
    }
}
