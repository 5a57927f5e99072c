package kz.aqparat.extraction.entities;

import kz.aqparat.extraction.text.Chars;

/** A word, number or punctuation mark of the text, with its offsets and normalised lower-case form. */
public final class Token {

    public enum Kind { CYRILLIC, LATIN, NUMBER, PUNCT }

    public final String text;
    public final int start;
    public final int end;
    /** Lower case, ё→е, Kazakh letters folded to their Russian counterparts (қ→к, ғ→г, ...). */
    public final String norm;
    public final Kind kind;
    /** First letter upper case. */
    public final boolean cap;
    /** More than one letter and every letter upper case (an abbreviation such as ВКО or НАТО). */
    public final boolean upper;
    /** Only line breaks/spaces before it include a line break. */
    public final boolean lineStart;
    /** The character of a one-character punctuation token, else 0 (which is never a token). */
    private final char mark;

    Token(String text, int start, int end, Kind kind, boolean lineStart) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.kind = kind;
        this.norm = Normalizer.fold(text);
        this.lineStart = lineStart;
        this.mark = kind == Kind.PUNCT && text.length() == 1 ? text.charAt(0) : 0;
        boolean c = false;
        boolean u = true;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Chars.isLetter(ch)) {
                boolean upperCase = Chars.isUpperCase(ch);
                if (letters == 0) {
                    c = upperCase;
                }
                letters++;
                if (!upperCase) {
                    u = false;
                }
            }
        }
        this.cap = c;
        this.upper = u && letters > 1;
    }

    public boolean isWord() {
        return kind == Kind.CYRILLIC || kind == Kind.LATIN;
    }

    public boolean is(String punct) {
        if (punct.length() == 1) {
            return mark == punct.charAt(0);
        }
        return kind == Kind.PUNCT && text.equals(punct);
    }

    @Override
    public String toString() {
        return text;
    }
}
