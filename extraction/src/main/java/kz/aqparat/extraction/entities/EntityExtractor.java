package kz.aqparat.extraction.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Mention;
import kz.aqparat.extraction.morphology.Morphology;
import kz.aqparat.extraction.text.Chars;

/**
 * Persons, organisations and locations (with the article's first-level regions), found by rules over tokens with
 * the Russian dictionary, name lists and gazetteers. One linear pass per rule over the tokens; every lookup is a
 * hash lookup. Thread-safe after {@link #load()}.
 */
public final class EntityExtractor {

    public record Result(List<Entity> entities, List<String> regions) {
    }

    private final Morphology morphology;
    private final Keys keys;
    private final Lexicon lexicon;
    private final PersonRules persons;
    private final LocationRules locations;
    private final Words words;

    private EntityExtractor(Morphology morphology) {
        this.morphology = morphology;
        this.keys = new Keys(morphology);
        this.lexicon = Lexicon.load(keys);
        this.persons = new PersonRules(morphology, lexicon);
        this.locations = new LocationRules(lexicon, keys, persons);
        this.words = new Words(morphology, keys, lexicon, persons);
    }

    public static EntityExtractor load() {
        return new EntityExtractor(Morphology.shared());
    }

    public static EntityExtractor load(Morphology morphology) {
        return new EntityExtractor(morphology);
    }

    public Result extract(String text) {
        Document doc = new Document(text, Tokenizer.tokenize(text), morphology, words);
        new Rules(doc, lexicon, keys, persons, locations).run();
        return doc.result();
    }

    /** All rules over one document, in order of priority: a token claimed by one rule is not seen by later ones. */
    private static final class Rules {
        private final Document d;
        private final Lexicon lex;
        private final Keys keys;
        private final PersonRules persons;
        private final LocationRules locations;

        Rules(Document d, Lexicon lex, Keys keys, PersonRules persons, LocationRules locations) {
            this.d = d;
            this.lex = lex;
            this.keys = keys;
            this.persons = persons;
            this.locations = locations;
        }

        void run() {
            quotedOrganisations();
            gazetteer(2);
            locations.regionAdjectives(d);
            persons.fullNames(d);
            gazetteer(1);
            headedOrganisations();
            cuedNames();
            locations.namedFeatures(d);
            descriptorLocations();
            abbreviationsAndLatin();
            persons.shortForms(d);
            locations.placesAfterPrepositions(d);
            relationalAdjectives();
            locations.qualifiedPlaces(d);
            transliterations();
            titles();
        }

        /** Quoted names of works and vehicles ("корабль «Орион»", "полёта «Колумбии»"), found by quotedOrganisations. */
        private final List<int[]> titles = new ArrayList<>();

        /** "полёта «Колумбии»", "корабль «Орион»": a work or vehicle named after a place or a person is neither. */
        private void titles() {
            for (int[] span : titles) {
                Document.Found f = d.owner[span[0]];
                if (f != null && f.start == span[0] && f.end == span[1]) {
                    d.drop(f);
                }
            }
        }

        /**
         * "Халеда эль-Масри (Khaled el-Masri)", "Раскассэ (La Rascasse)", "«Шкода Октавия» (Skoda Octavia)": a Latin
         * name in brackets right after a name is that name in its own script, so it is what the name before it is,
         * and nothing when that is a quoted name of no organisation.
         */
        private void transliterations() {
            List<Token> t = d.tokens;
            for (Document.Found f : new ArrayList<>(d.found)) {
                if (f.type != EntityType.ORGANIZATION || f.start < 2 || f.end >= t.size()
                        || t.get(f.start).kind != Token.Kind.LATIN || !t.get(f.start - 1).is("(")
                        || !t.get(f.end).is(")")) {
                    continue;
                }
                int before = f.start - 2;
                Token b = t.get(before);
                if (d.claimed(before)) {
                    Document.Found g = d.owner[before];
                    // "банк Китая (Industrial and Commercial Bank of China)": the place ends a longer name
                    boolean tail = g.start > 0 && d.claimed(g.start - 1) && d.owner[g.start - 1].type == f.type;
                    if (g.type != f.type && !tail) {
                        d.retype(f, g);
                    }
                } else if ((b.is("»") || b.is("\"") || b.is("“")) && before > 0 && !d.claimed(before - 1)
                        && t.get(before - 1).isWord()) {
                    d.drop(f);
                }
            }
        }

        /** "японского МИДа", "российского Минсельхоза": a lower-case -ск- adjective before a found body is part of it. */
        private void relationalAdjectives() {
            List<Token> t = d.tokens;
            for (int n = 0; n < d.found.size(); n++) {
                Document.Found f = d.found.get(n);
                int a = f.start - 1;
                if (f.type != EntityType.ORGANIZATION || a < 0 || d.claimed(a) || !t.get(a).isWord() || t.get(a).cap
                        || t.get(a).kind != Token.Kind.CYRILLIC || !t.get(a).norm.contains("ск")
                        || !d.isAdjective(a) || d.isVerb(a) || !t.get(f.start).cap) {
                    continue;
                }
                d.extendLeft(n, a);
            }
        }

        /** «Name» after an organisation word or legal form ("компания «X»", "ТОО «X»"), or «X» ЖШС. */
        private void quotedOrganisations() {
            List<Token> t = d.tokens;
            List<Document.Found> standalone = new ArrayList<>();
            Set<String> worksAndVehicles = new java.util.HashSet<>();
            for (int i = 0; i < t.size(); i++) {
                if (!isOpenQuote(t.get(i)) || d.claimed(i)) {
                    continue;
                }
                int close = closingQuote(i);
                if (close < 0 || close == i + 1) {
                    continue;
                }
                boolean cue = false;
                for (int k = i - 1; k >= Math.max(0, i - 3) && !cue; k--) {
                    Token p = t.get(k);
                    if (!p.isWord()) {
                        break;
                    }
                    cue = d.formIn(k, WordList.LEGAL_FORM) || d.lemmaIn(k, WordList.QUOTE_ORG)
                            || k == i - 1 && p.kind == Token.Kind.CYRILLIC && p.upper && p.text.length() <= 5
                            && !d.formIn(k, WordList.NOT_ORG_ABBREV); // РИА «Новости»
                }
                if (!cue && close + 1 < t.size()) {
                    cue = d.formIn(close + 1, WordList.LEGAL_FORM);
                }
                if (!cue && close > i + 1 && t.get(i + 1).cap && i > 0 && t.get(i - 1).isWord()
                        && cue(i - 1, WordList.QUOTE_PLACE)) {
                    // "аэропорту «Домодедово»", "промзоны «Рыбацкое»": a place named in quotes after its kind
                    String name = d.text.substring(t.get(i + 1).start, t.get(close - 1).end);
                    d.add(EntityType.LOCATION, Normalizer.fold(d.keyOf(i + 1, close)), d.lemmaName(i + 1, close), null,
                            i + 1, close);
                    i = close;
                    continue;
                }
                if (!cue && notOrgCue(i)) {
                    titles.add(new int[] {i + 1, close});
                    worksAndVehicles.add(d.keyOf(i + 1, close));
                    if (close == i + 2) {
                        // a word the dictionary lacks is known by its stems: "Атлантис", "Атлантиса"
                        for (String k : d.keys(i + 1)) {
                            worksAndVehicles.add("1 " + k);
                        }
                    }
                }
                if (!cue && !standaloneName(i, close)) {
                    continue;
                }
                if (!t.get(i + 1).cap && t.get(i + 1).kind != Token.Kind.NUMBER) {
                    continue;
                }
                String name = d.text.substring(t.get(i + 1).start, t.get(close - 1).end);
                Document.Found f = d.add(EntityType.ORGANIZATION, Normalizer.fold(name), name, null, i + 1, close);
                f.quoted = true;
                if (!cue) {
                    standalone.add(f);
                }
                i = close;
            }
            // one name, one sense in a text: "после «Дискавери»" names the shuttle of "шаттла «Дискавери»"
            for (Document.Found f : standalone) {
                boolean same = worksAndVehicles.contains(d.keyOf(f.start, f.end));
                if (!same && f.end == f.start + 1) {
                    for (String k : d.keys(f.start)) {
                        same |= worksAndVehicles.contains("1 " + k);
                    }
                }
                if (same) {
                    d.drop(f);
                }
            }
        }

        /**
         * «Яблоко», «Жилищная солидарность», «Мегафон»: a short quoted name with a capital letter is an organisation
         * when nothing says it names a work, a vehicle or a slogan ("корабль «Союз»", "фильм «...»") and it is not
         * a quoted phrase (no verb or pronoun in it).
         */
        private boolean standaloneName(int open, int close) {
            List<Token> t = d.tokens;
            if (close - open - 1 > 2 || !t.get(open + 1).cap || t.get(open + 1).kind != Token.Kind.CYRILLIC) {
                return false;
            }
            if (notOrgCue(open)) {
                return false;
            }
            if (close == open + 2 && inGazetteer(open + 1, EntityType.LOCATION)) {
                return false;
            }
            for (int k = open + 1; k < close; k++) {
                Token x = t.get(k);
                if (!x.isWord() && !x.is("-") || hasDigit(x.text)) {
                    return false;
                }
                if (x.isWord() && (d.isVerb(k) && !d.isAdjective(k) || d.isFunctionWord(k) && !x.norm.equals("и"))) {
                    return false;
                }
            }
            return !persons.isPersonStart(d, open + 1);
        }

        /** A work, a vehicle or a slogan named before the quote: "корабль «Союз»", "шаттла «Дискавери»". */
        private boolean notOrgCue(int open) {
            List<Token> t = d.tokens;
            WordList notOrg = WordList.QUOTE_NOT_ORG;
            // "книги Дарвина «Происхождение видов»", "работы Чарльза Дарвина «...»": the author's name between the
            // work's kind and its title
            int k = open - 1;
            while (k > 0 && k >= open - 2 && t.get(k).isWord() && t.get(k).cap && !t.get(k).upper
                    && !d.sentenceStart(k) && (d.isGenitive(k) || d.unknown(k))) {
                k--;
            }
            if (k < open - 1 && k >= 0 && t.get(k).isWord() && cue(k, notOrg)) {
                return true;
            }
            return open > 0 && t.get(open - 1).isWord() && cue(open - 1, notOrg)
                    || open > 1 && t.get(open - 1).isWord() && t.get(open - 2).isWord() && cue(open - 2, notOrg)
                    && d.isAdjective(open - 1);
        }

        /** A lower-case cue word, known by lemma or, for words the dictionary lacks ("шаттле"), by stem. */
        private boolean cue(int k, WordList list) {
            if (d.tokens.get(k).cap && !d.sentenceStart(k)) {
                return false;
            }
            if (d.lemmaIn(k, list)) {
                return true;
            }
            if (d.unknown(k)) {
                Set<String> set = lex.list(list);
                for (String key : d.keys(k)) {
                    if (set.contains(key)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean inGazetteer(int k, EntityType type) {
            for (Lexicon.Node n : d.word(k).gazetteerStarts) {
                if (n.entry != null && n.entry.type() == type) {
                    return true;
                }
            }
            return false;
        }

        private boolean isOpenQuote(Token t) {
            return t.is("«") || t.is("\"") || t.is("“") || t.is("„");
        }

        private int closingQuote(int open) {
            List<Token> t = d.tokens;
            String o = t.get(open).text;
            int depth = 0;
            for (int k = open + 1; k < t.size() && k < open + 15; k++) {
                Token x = t.get(k);
                if (o.equals("«") && x.is("«")) {
                    depth++;
                } else if (x.is("»") || x.is("\"") || x.is("“") || x.is("”")) {
                    if (depth == 0 || !o.equals("«")) {
                        return k;
                    }
                    depth--;
                    if (depth == 0 && k + 1 < t.size() && !t.get(k + 1).is("»")) {
                        // «Закон и порядок» nested inside an unclosed outer quote: keep looking
                    }
                } else if (x.is(".") && k + 1 < t.size() && t.get(k + 1).cap && x.end < t.get(k + 1).start) {
                    return -1;
                }
            }
            return -1;
        }

        /** Longest gazetteer match of at least {@code minTokens} tokens, starting at a capitalised word. */
        private void gazetteer(int minTokens) {
            List<Token> t = d.tokens;
            for (int i = 0; i < t.size(); i++) {
                Token first = t.get(i);
                if (d.claimed(i) || !first.isWord() || !first.cap) {
                    continue;
                }
                int bestEnd = -1;
                Lexicon.Entry best = null;
                List<Lexicon.Node> frontier = Arrays.asList(d.word(i).gazetteerStarts);
                for (int j = i; j < t.size() && j < i + 6 && !frontier.isEmpty(); j++) {
                    Token w = t.get(j);
                    if (!(w.isWord() || w.kind == Token.Kind.NUMBER) || d.claimed(j)) {
                        break;
                    }
                    if (j > i) {
                        List<Lexicon.Node> next = new ArrayList<>(2);
                        for (String k : d.keys(j)) {
                            for (Lexicon.Node n : frontier) {
                                Lexicon.Node c = n.next.get(k);
                                if (c != null && !next.contains(c)) {
                                    next.add(c);
                                }
                            }
                        }
                        frontier = next;
                    }
                    for (Lexicon.Node n : frontier) {
                        if (n.entry != null) {
                            bestEnd = j + 1;
                            best = n.entry;
                        }
                    }
                }
                if (best == null || bestEnd - i < minTokens) {
                    continue;
                }
                if (bestEnd - i == 1 && !acceptSingle(i, best)) {
                    continue;
                }
                // "BAQ.KZ" found as "BAQ": the rest of the dotted name belongs to the same mention
                while (best.type() == EntityType.ORGANIZATION && bestEnd + 1 < t.size() && t.get(bestEnd).is(".") && t.get(bestEnd).start == t.get(bestEnd - 1).end
                        && t.get(bestEnd + 1).isWord() && t.get(bestEnd + 1).start == t.get(bestEnd).end
                        && !d.claimed(bestEnd + 1)) {
                    bestEnd += 2;
                }
                d.add(best.type(), best.name(), best.name(), best.region(), i, bestEnd);
                i = bestEnd - 1;
            }
        }

        /** A one-word gazetteer hit that is also a person's name part needs care: "Абай" the poet, "Алма". */
        private boolean acceptSingle(int i, Lexicon.Entry e) {
            Token w = d.tokens.get(i);
            if (w.upper || w.text.length() <= 2) {
                return w.text.length() >= 2;
            }
            if (i > 0 && d.tokens.get(i - 1).is(".") && d.tokens.get(i - 1).start == w.start - 1) {
                return false;
            }
            if (e.type() == EntityType.LOCATION && d.compoundBody(i)) {
                return false;
            }
            if (e.type() == EntityType.LOCATION && d.isAdjective(i) && i + 1 < d.tokens.size()
                    && d.lemmaIn(i + 1, WordList.LOC_HEAD)) {
                // "Свердловской области" is the region, not the town "Свердловск": left to the region rules
                return false;
            }
            // "Лужков" is a surname before it is the plural of "лужок" (and so a village "Лужки"); "Виктором" is a
            // first name: a person's reading wins unless the place itself is what the word names
            String place = Normalizer.fold(e.name());
            boolean personReading = false;
            boolean placeReading = false;
            List<kz.aqparat.extraction.morphology.Morphology.Analysis> r = d.readings(i);
            String[] lemmas = d.lemmaKeys(i);
            for (int n = 0; n < r.size(); n++) {
                String tag = r.get(n).tag();
                if (tag.contains(":Name") || tag.contains(":Fam") || tag.contains(":Patr")) {
                    personReading = true;
                } else {
                    Lexicon.Node c = lex.gazetteer.next.get(lemmas[n]);
                    placeReading |= lemmas[n].equals(place) || c != null && c.entry == e;
                }
            }
            if (personReading && !placeReading && !w.norm.equals(place)) {
                return false;
            }
            return true;
        }

        /**
         * "профсоюза Юнайт", "агентства БелТА", "клуба Тоттенхэм Хотспур": a capitalised name right after a noun
         * that says what kind of organisation follows, written without quotes; not a person's name or a word the
         * dictionary reads as a name ("команда Путина").
         */
        private void cuedNames() {
            List<Token> t = d.tokens;
            for (int k = 0; k + 1 < t.size(); k++) {
                int i = k + 1;
                Token cue = t.get(k);
                Token w = t.get(i);
                if (d.claimed(k) || d.claimed(i) || !cue.isWord() || cue.cap && !d.sentenceStart(k)
                        || !d.lemmaIn(k, WordList.QUOTE_ORG) || w.kind != Token.Kind.CYRILLIC || !w.cap
                        || w.lineStart || d.formIn(i, WordList.STOP_CAP) || !cuedNamePart(i)) {
                    continue;
                }
                int e = i + 1;
                if (e < t.size() && !d.claimed(e) && t.get(e).kind == Token.Kind.CYRILLIC && t.get(e).cap
                        && !t.get(e).lineStart && cuedNamePart(e)) {
                    e++;
                }
                String name = d.text.substring(w.start, t.get(e - 1).end);
                d.add(EntityType.ORGANIZATION, d.keyOf(i, e), name, null, i, e);
                k = e - 1;
            }
        }

        /** A word of a name no dictionary or name list reads otherwise: not a person's, not a common word's. */
        private boolean cuedNamePart(int i) {
            if (persons.isPersonStart(d, i) || lex.firstNames.contains(d.tokens.get(i).norm)
                    || lex.lastNames.contains(d.tokens.get(i).norm) || d.hasSurnameReading(i)) {
                return false;
            }
            for (kz.aqparat.extraction.morphology.Morphology.Analysis a : d.readings(i)) {
                if (!a.tag().contains(":Name") && !a.tag().contains(":Fam")) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A capitalised phrase headed by an organisation noun: "Министерство внутренних дел", "Генеральной
         * прокуратурой РК", "Карагандинского университета Казпотребсоюза", "Комитет защиты журналистов".
         */
        private void headedOrganisations() {
            List<Token> t = d.tokens;
            WordList heads = WordList.ORG_HEAD;
            for (int i = 0; i < t.size(); i++) {
                Token w = t.get(i);
                if (d.claimed(i) || !w.isWord() || w.upper || i > 0 && isOpenQuote(t.get(i - 1))) {
                    continue;
                }
                // "российском министерстве финансов", "международной шахматной федерации": a body named by a
                // lower-case relational adjective before its head; the head must then name a body outright
                boolean lower = !w.cap;
                if (lower && !(w.kind == Token.Kind.CYRILLIC && w.norm.contains("ск") && d.isAdjective(i))) {
                    continue;
                }
                int j = i;
                // up to three adjectives, then the head noun; "Промышленный и коммерческий банк": two of them may be
                // joined by "и"
                boolean joined = false;
                while (j < t.size() && j < i + (joined ? 4 : 3) && !d.claimed(j) && t.get(j).isWord()
                        && (d.isAdjective(j) || j == i && w.cap && participle(j)) && !d.lemmaIn(j, heads)) {
                    j++;
                    if (!joined && j > i && j + 1 < t.size() && t.get(j).norm.equals("и") && !d.claimed(j + 1)
                            && t.get(j + 1).isWord() && !t.get(j + 1).cap && d.isAdjective(j + 1)
                            && !d.lemmaIn(j + 1, heads) && !d.isVerb(j + 1)) {
                        joined = true;
                        j++;
                    }
                }
                if (j >= t.size() || d.claimed(j) || !t.get(j).isWord() || !d.lemmaIn(j, heads)) {
                    continue;
                }
                if (j == i && j + 1 < t.size() && (t.get(j + 1).kind == Token.Kind.LATIN || isOpenQuote(t.get(j + 1)))
                        && d.lemmaIn(j, WordList.GENERIC_ORG)) {
                    // "Компания Hewlett-Packard", "Корпорация Philips": the noun only says what the name is
                    continue;
                }
                // "Японская полиция", "Рабочая группа" opening a sentence: the capital is the sentence's, so the
                // phrase is read as if written in lower case
                boolean positional = !lower && j == i + 1 && d.sentenceStart(i) && !t.get(j).cap && !t.get(i).upper;
                if (positional && (d.isPluralOnly(j) || !t.get(i).norm.contains("ск")
                        && !d.lemmaIn(j, WordList.BODY_HEAD))) {
                    continue;
                }
                if (lower && (j == i || t.get(j).cap || !d.lemmaIn(j, WordList.BODY_HEAD)
                        || d.isPluralOnly(j))) {
                    continue;
                }
                if (d.sentenceStart(i) && j == i) {
                    // a sentence-initial head alone ("Суд решил") is too weak without a complement
                    if (!(j + 1 < t.size() && t.get(j + 1).isWord() && (t.get(j + 1).cap || d.isGenitive(j + 1)))) {
                        continue;
                    }
                }
                int end = j + 1;
                // genitive complement: adjectives and nouns in the genitive, capitalised names, "и" between them
                while (end < t.size() && end < j + 7 && !d.claimed(end)) {
                    Token x = t.get(end);
                    if (x.isWord() && !preposition(end) && (x.upper || d.isGenitive(end) || (x.cap && d.unknown(end)))) {
                        end++;
                    } else if (x.norm.equals("и") && end + 1 < t.size() && d.isGenitive(end + 1)) {
                        end++;
                    } else {
                        break;
                    }
                }
                end = prepositionalComplement(j, end);
                end = namedAfter(j, end);
                // a place the name took in ("Бюро США по патентам", "МЧС по Санкт-Петербургу") is no place of its own
                for (int k = i; k < end; k++) {
                    if (d.claimed(k)) {
                        d.drop(d.owner[k]);
                    }
                }
                if (j == i && end == j + 1 && !t.get(j).cap) {
                    continue;
                }
                if (j == i && end == j + 1) {
                    // a single capitalised head word: only known bodies ("Сенат", "Правительство") or mid-sentence
                    if (d.sentenceStart(i)) {
                        continue;
                    }
                }
                String name = d.nominative(i, j, end);
                d.add(EntityType.ORGANIZATION, d.keyOf(i, end), name, null, i, end);
                i = end - 1;
            }
        }

        /**
         * "Комитет Госдумы по международным делам", "Управления по борьбе с коррупцией", "Следственного комитета при
         * прокуратуре", "Движения против нелегальной иммиграции": heads of bodies that name their remit with "по" +
         * dative, their parent with "при" + prepositional or their cause with "против" + genitive take that phrase
         * too, up to the next word that does not agree; two such phrases in a row ("Совета при Президенте РФ по
         * развитию информационного общества") and a place before or inside them ("Бюро США по патентам", "ГУ МЧС
         * России по Санкт-Петербургу") belong to the name.
         */
        private int prepositionalComplement(int head, int end) {
            if (!d.lemmaIn(head, WordList.REMIT_HEAD)) {
                return end;
            }
            int e = end;
            for (int round = 0; round < 2; round++) {
                int p = placeEnd(e);
                int next = remit(p < 0 ? e : p);
                if (next < 0) {
                    break;
                }
                e = next;
                // "Организация по безопасности и сотрудничеству в Европе": where the remit lies
                if (e + 1 < d.tokens.size() && d.tokens.get(e).norm.equals("в") && placeEnd(e + 1) > 0) {
                    e = placeEnd(e + 1);
                    break;
                }
            }
            return e;
        }

        /**
         * "Театра им. Йозефа Бойса", "университета имени аль-Фараби", "театра имени Станиславского и
         * Немировича-Данченко": whom a body is named after is part of its name.
         */
        private int namedAfter(int head, int end) {
            List<Token> t = d.tokens;
            for (int n = head + 1; n < end; n++) {
                if (t.get(n).norm.equals("имени")) {
                    // the genitive complement took "имени" and maybe more: read the name after it again
                    end = n;
                    break;
                }
            }
            int k = end;
            if (k + 1 < t.size() && t.get(k).norm.equals("имени") && !d.claimed(k)) {
                k++;
            } else if (k + 2 < t.size() && t.get(k).norm.equals("им") && t.get(k + 1).is(".") && !d.claimed(k)) {
                k += 2;
            } else {
                return end;
            }
            int last = -1;
            while (k < t.size() && k < end + 10 && !t.get(k).lineStart) {
                Token x = t.get(k);
                if (d.claimed(k) && d.owner[k].start == k && d.owner[k].type != EntityType.ORGANIZATION) {
                    last = d.owner[k].end;
                    k = last;
                } else if (!d.claimed(k) && x.isWord() && (x.cap || x.text.indexOf('-') > 0
                        && x.text.indexOf('-') + 1 < x.text.length()
                        && Character.isUpperCase(x.text.charAt(x.text.indexOf('-') + 1)))) {
                    last = ++k;
                } else if (last == k && x.norm.equals("и") && k + 1 < t.size() && t.get(k + 1).cap) {
                    k++;
                } else {
                    break;
                }
            }
            if (last < 0) {
                return end;
            }
            for (int n = end; n < last; n++) {
                if (d.claimed(n)) {
                    d.drop(d.owner[n]);
                }
            }
            return last;
        }

        /** The end of the place found at token {@code k}, or -1. */
        private int placeEnd(int k) {
            if (k >= d.tokens.size() || !d.claimed(k)) {
                return -1;
            }
            Document.Found f = d.owner[k];
            return f.type == EntityType.LOCATION && f.start == k ? f.end : -1;
        }

        /** The end of a remit phrase starting with its preposition at {@code p}, or -1. */
        private int remit(int p) {
            List<Token> t = d.tokens;
            if (p + 1 >= t.size() || d.claimed(p)) {
                return -1;
            }
            String prep = t.get(p).norm;
            String wanted = prep.equals("по") ? ":D" : prep.equals("при") ? ":P" : prep.equals("против") ? ":R" : null;
            if (wanted == null) {
                return -1;
            }
            int k = p + 1;
            int lastNoun = -1;
            while (k < t.size() && k < p + 8 && !t.get(k).lineStart) {
                Token x = t.get(k);
                int place = placeEnd(k);
                if (place > 0) {
                    lastNoun = place - 1;
                    k = place;
                    continue;
                }
                if (d.claimed(k) || !x.isWord()) {
                    break;
                }
                if (x.norm.equals("и") && lastNoun == k - 1) {
                    k++;
                    continue;
                }
                boolean agrees = false;
                boolean noun = false;
                for (kz.aqparat.extraction.morphology.Morphology.Analysis a : d.readings(k)) {
                    String tag = a.tag();
                    boolean inCase = tag.endsWith(wanted) || lastNoun >= 0 && tag.endsWith(":R");
                    if (inCase && (tag.startsWith("NN") || tag.startsWith("ADJ"))) {
                        agrees = true;
                        noun |= tag.startsWith("NN");
                    }
                }
                if (!agrees) {
                    break;
                }
                if (noun) {
                    lastNoun = k;
                }
                k++;
            }
            return lastNoun > p ? lastNoun + 1 : -1;
        }

        /** "реку Нарву": the word has a noun's reading, whatever else it may be ("нарву" of "нарвать"). */
        private boolean noun(int k) {
            for (kz.aqparat.extraction.morphology.Morphology.Analysis a : d.readings(k)) {
                if (a.tag().startsWith("NN")) {
                    return true;
                }
            }
            return false;
        }

        /** "Объединённого фронта": a participle naming a body as an adjective would. */
        private boolean participle(int k) {
            for (kz.aqparat.extraction.morphology.Morphology.Analysis a : d.readings(k)) {
                if (a.tag().startsWith("PT:")) {
                    return true;
                }
            }
            return false;
        }

        private boolean preposition(int k) {
            for (kz.aqparat.extraction.morphology.Morphology.Analysis a : d.readings(k)) {
                if (a.tag().startsWith("PREP")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * "город Сарань", "поселке Нура", "села Коптогай", "района Отрадное": a capitalised name after a place
         * word; "Свердловской области", "Костанайский район": a capitalised adjective before a region word.
         */
        private void descriptorLocations() {
            List<Token> t = d.tokens;
            for (int i = 0; i < t.size(); i++) {
                if (d.claimed(i) || !t.get(i).isWord()) {
                    continue;
                }
                Token w = t.get(i);
                if (w.cap && !w.upper && d.isAdjective(i) && (w.norm.contains("ск") || !d.sentenceStart(i))) {
                    // "Свердловской области", "Северо-Кавказском федеральном округе", "Чукотский автономный округ"
                    int head = i + 1;
                    while (head < t.size() && head < i + 3 && !d.claimed(head) && t.get(head).isWord()
                            && !t.get(head).cap && d.isAdjective(head) && !d.lemmaIn(head, WordList.LOC_HEAD)) {
                        head++;
                    }
                    if (head < t.size() && !d.claimed(head) && d.lemmaIn(head, WordList.LOC_HEAD)) {
                        String name = d.nominative(i, head, head + 1);
                        d.add(EntityType.LOCATION, Normalizer.fold(name), name, null, i, head + 1);
                        i = head;
                        continue;
                    }
                }
                if (!w.cap && d.lemmaIn(i, WordList.LOC_DESCRIPTOR)) {
                    int s = i + 1;
                    if (s < t.size() && t.get(s).is(".") && w.text.length() <= 3) {
                        s++;
                    } else if (w.text.length() <= 2) {
                        // "с", "г", "ул" are the preposition "с" or letters unless written as abbreviations
                        continue;
                    }
                    if (s < t.size() && (t.get(s).lineStart || d.formIn(s, WordList.STOP_CAP)
                            || d.isFunctionWord(s) && !(t.get(s).cap && noun(s)))) {
                        continue;
                    }
                    int e = s;
                    while (e < t.size() && e < s + 3 && !d.claimed(e) && t.get(e).isWord() && t.get(e).cap
                            && !t.get(e).upper) {
                        e++;
                    }
                    if (e > s && !persons.isPersonStart(d, s)) {
                        String name = d.text.substring(t.get(s).start, t.get(e - 1).end);
                        d.add(EntityType.LOCATION, Normalizer.fold(d.keyOf(s, e)), d.lemmaName(s, e), null, s, e);
                        i = e - 1;
                    }
                }
            }
        }

        /** НАТО-like abbreviations and Latin-script names are organisations unless known otherwise. */
        private void abbreviationsAndLatin() {
            List<Token> t = d.tokens;
            for (int i = 0; i < t.size(); i++) {
                Token w = t.get(i);
                if (d.claimed(i) || !w.isWord() || dottedFragment(i)) {
                    continue;
                }
                int site = siteEnd(i);
                if (site > i) {
                    String name = d.text.substring(w.start, t.get(site - 1).end);
                    d.add(EntityType.ORGANIZATION, Normalizer.fold(name), name, null, i, site);
                    i = site - 1;
                    continue;
                }
                if (hasDigit(w.text)) {
                    // "Союз ТМА-7", "STS-124", "HTML5", "ЗАЗ-1103": models, missions and formats, not bodies
                    continue;
                }
                if (w.kind == Token.Kind.CYRILLIC && w.upper && w.text.length() <= 8
                        && !d.formIn(i, WordList.NOT_ORG_ABBREV) && !d.formIn(i, WordList.LEGAL_FORM)
                        && !isRoman(w.text)) {
                    // "МЧС по Санкт-Петербургу и Ленобласти": a body's branch for a place is named with it
                    int e = i + 1 < t.size() && t.get(i + 1).norm.equals("по") && placeEnd(i + 2) > 0
                            ? remit(i + 1) : -1;
                    if (e > 0) {
                        for (int k = i + 1; k < e; k++) {
                            if (d.claimed(k)) {
                                d.drop(d.owner[k]);
                            }
                        }
                        String name = d.text.substring(w.start, t.get(e - 1).end);
                        d.add(EntityType.ORGANIZATION, Normalizer.fold(name), name, null, i, e);
                        i = e - 1;
                        continue;
                    }
                    d.add(EntityType.ORGANIZATION, w.norm, w.text, null, i, i + 1);
                    continue;
                }
                String abbr = inflectedAbbreviation(w);
                if (abbr != null && !lex.list(WordList.NOT_ORG_ABBREV).contains(Normalizer.fold(abbr))) {
                    d.add(EntityType.ORGANIZATION, Normalizer.fold(abbr), abbr, null, i, i + 1);
                    continue;
                }
                if (d.compoundBody(i) && !lex.lastNames.contains(w.norm)) {
                    d.add(EntityType.ORGANIZATION, d.keyOf(i, i + 1), w.text, null, i, i + 1);
                    continue;
                }
                if (w.kind == Token.Kind.LATIN && w.cap && latinProduct(i)) {
                    while (i + 1 < t.size() && !d.claimed(i + 1) && t.get(i + 1).kind == Token.Kind.LATIN) {
                        i++;
                    }
                    continue;
                }
                if (w.kind == Token.Kind.LATIN && w.cap && !isRoman(w.text) && w.text.length() > 1) {
                    int e = i + 1;
                    while (e < t.size() && e < i + 7 && !d.claimed(e) && (t.get(e).kind == Token.Kind.LATIN
                            && (t.get(e).cap || t.get(e).text.length() <= 3 || LATIN_LINKS.contains(t.get(e).norm))
                            || t.get(e).is("."))) {
                        if (t.get(e).is(".") && !(e + 1 < t.size() && t.get(e + 1).kind == Token.Kind.LATIN
                                && t.get(e + 1).start == t.get(e).end)) {
                            break;
                        }
                        e++;
                    }
                    boolean domain = e - 2 > i && t.get(e - 2).is(".");
                    while (!domain && e > i + 1 && !t.get(e - 1).cap && !t.get(e - 1).upper) {
                        e--;
                    }
                    String name = d.text.substring(w.start, t.get(e - 1).end);
                    d.add(EntityType.ORGANIZATION, Normalizer.fold(name), name, null, i, e);
                    i = e - 1;
                }
            }
        }

        /** "Industrial and Commercial Bank of China", "Corriere della Sera": the small words inside Latin names. */
        private static final Set<String> LATIN_LINKS = Set.of("of", "and", "the", "for", "de", "del", "della", "di",
            "du", "des", "la", "le", "von", "van", "der", "y", "e", "et", "und");

        private static final Set<String> DOMAINS = Set.of("ru", "ру", "com", "kz", "кз", "net", "org", "ua", "by",
            "info", "uk", "de", "fr", "рф", "tv", "su", "uz", "kg");

        /** "KZ" of "BAQ.KZ", "ru" of "lenta.ru": a word glued by a dot to the word before is part of a name. */
        private boolean dottedFragment(int i) {
            List<Token> t = d.tokens;
            return i >= 2 && t.get(i - 1).is(".") && t.get(i - 1).end == t.get(i).start
                    && t.get(i - 2).end == t.get(i - 1).start && t.get(i - 2).isWord();
        }

        /** "Лента.ру", "baltinfo.ru", "Kazpravda.kz": a site named by its domain; the end token, or -1. */
        private int siteEnd(int i) {
            List<Token> t = d.tokens;
            int e = i + 1;
            while (e + 1 < t.size() && t.get(e).is(".") && t.get(e).start == t.get(e - 1).end && t.get(e + 1).isWord()
                    && t.get(e + 1).start == t.get(e).end && !d.claimed(e + 1)) {
                e += 2;
            }
            return e > i + 1 && DOMAINS.contains(t.get(e - 1).norm) ? e : -1;
        }

        private static boolean hasDigit(String s) {
            for (int k = 0; k < s.length(); k++) {
                if (Chars.isDigit(s.charAt(k))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Latin names of products and works rather than of their makers: a known product ("Windows", "Android"), a
         * name after a product word ("браузера Chrome", "игр FarmVille", "девизом The Right Move").
         */
        private boolean latinProduct(int i) {
            List<Token> t = d.tokens;
            Token w = t.get(i);
            if (d.formIn(i, WordList.LATIN_PRODUCT)) {
                return true;
            }
            int k = i - 1;
            while (k >= 0 && k >= i - 3 && (t.get(k).kind == Token.Kind.LATIN || t.get(k).is(","))) {
                k--;
            }
            return k >= 0 && t.get(k).isWord() && !t.get(k).cap && d.lemmaIn(k, WordList.PRODUCT_CUE);
        }

        /** "МИДа", "МИДе": an abbreviation with a case ending. */
        private static String inflectedAbbreviation(Token w) {
            String s = w.text;
            if (w.kind != Token.Kind.CYRILLIC || s.length() < 4 || s.length() > 9) {
                return null;
            }
            int caps = 0;
            while (caps < s.length() && Character.isUpperCase(s.charAt(caps))) {
                caps++;
            }
            int rest = s.length() - caps;
            if (caps >= 2 && rest >= 1 && rest <= 2) {
                String suffix = s.substring(caps);
                if (suffix.equals("а") || suffix.equals("у") || suffix.equals("е") || suffix.equals("ом")
                        || suffix.equals("ом") || suffix.equals("ы") || suffix.equals("ой")) {
                    return s.substring(0, caps);
                }
            }
            return null;
        }

        private static boolean isRoman(String s) {
            for (int i = 0; i < s.length(); i++) {
                if ("IVXLCM".indexOf(s.charAt(i)) < 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
