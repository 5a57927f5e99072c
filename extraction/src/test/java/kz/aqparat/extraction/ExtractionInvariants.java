package kz.aqparat.extraction;

import kz.aqparat.contracts.DateMention;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.contracts.Mention;
import kz.aqparat.contracts.Statistic;

/** The contract every extraction keeps, whatever the text: each span lies in the text and quotes it exactly. */
final class ExtractionInvariants {

    private ExtractionInvariants() {
    }

    static void check(String text, Extraction e) {
        for (Entity entity : e.entities()) {
            require(entity.type() != null && entity.name() != null && !entity.name().isBlank(), "entity " + entity);
            for (Mention m : entity.mentions()) {
                span(text, m.start(), m.end(), m.text(), "entity mention " + m);
            }
        }
        for (Statistic s : e.statistics()) {
            require(s.value() != null && s.qualifier() != null, "statistic " + s);
            require(s.valueTo() == null || s.valueTo().signum() >= 0, "statistic range " + s);
            span(text, s.start(), s.end(), s.text(), "statistic " + s);
        }
        for (DateMention d : e.dates()) {
            require(d.date() != null && (d.kind().equals(DateMention.PUBLICATION)
                    || d.kind().equals(DateMention.MENTIONED)), "date " + d);
            span(text, d.start(), d.end(), d.text(), "date " + d);
        }
    }

    private static void span(String text, int start, int end, String quoted, String what) {
        require(0 <= start && start < end && end <= text.length(), what + ": offsets out of the text");
        require(text.substring(start, end).equals(quoted), what + ": text differs from the span");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
