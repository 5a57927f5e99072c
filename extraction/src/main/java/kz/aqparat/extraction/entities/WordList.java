package kz.aqparat.extraction.entities;

import java.util.Locale;

/** The cue-word lists of {@code gazetteer/lexicon.txt}, one per "[section]" of it. */
enum WordList {
    ROLE, ORG_HEAD, QUOTE_ORG, BODY_HEAD, GENERIC_ORG, REMIT_HEAD, LATIN_PRODUCT, PRODUCT_CUE, QUOTE_NOT_ORG, QUOTE_PLACE,
    LEGAL_FORM, LOC_DESCRIPTOR, LOC_HEAD, FEATURE_HEAD, NOT_ORG_ABBREV, STOP_CAP;

    static WordList ofSection(String section) {
        return valueOf(section.toUpperCase(Locale.ROOT));
    }

    int bit() {
        return 1 << ordinal();
    }
}
