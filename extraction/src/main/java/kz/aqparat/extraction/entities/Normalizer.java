package kz.aqparat.extraction.entities;

import kz.aqparat.extraction.text.Chars;

/** Folds case, ё and the Kazakh letters so that "Қыдырманов" and "Кыдырманов" compare equal. */
public final class Normalizer {

    private Normalizer() {
    }

    public static String fold(String s) {
        int same = 0;
        while (same < s.length() && fold(s.charAt(same)) == s.charAt(same)) {
            same++;
        }
        if (same == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, same);
        for (int i = same; i < s.length(); i++) {
            b.append(fold(s.charAt(i)));
        }
        return b.toString();
    }

    static char fold(char c) {
        if (c >= 'а' && c <= 'я' || c >= 'a' && c <= 'z' || c == ' ') {
            return c;
        }
        char l = Chars.toLowerCase(c);
        switch (l) {
            case 'ё': return 'е';
            case 'қ': return 'к';
            case 'ғ': return 'г';
            case 'ң': return 'н';
            case 'ө': return 'о';
            case 'ұ': case 'ү': return 'у';
            case 'һ': return 'х';
            case 'і': return 'и';
            case 'ә': return 'а';
            case '’': case '`': case 'ʼ': return '\'';
            case '‑': case '–': return '-';
            default: return l;
        }
    }

    static boolean isCyrillic(char c) {
        return c >= '\u0400' && c <= '\u04FF';
    }
}
