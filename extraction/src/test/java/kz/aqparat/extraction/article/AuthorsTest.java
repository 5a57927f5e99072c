package kz.aqparat.extraction.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.contracts.Mention;
import org.junit.jupiter.api.Test;

/** The author becomes one of the article's persons, with role "автор". */
class AuthorsTest {

    private static final Entity CITY = new Entity(EntityType.LOCATION, "Алматы", List.of(), "Алматы",
            List.of(new Mention(0, 6, "Алматы")));

    @Test
    void anAuthorNotNamedInTheTextIsAPersonWithoutMentions() {
        Extraction found = Authors.withAuthor(new Extraction(List.of(CITY), List.of("Алматы"), null, null),
                " Ербол   Тишкамбаев ");
        assertEquals(List.of(CITY, new Entity(EntityType.PERSON, "Ербол Тишкамбаев", List.of("автор"), null,
                List.of())), found.entities());
        assertEquals(List.of("Алматы"), found.regions());
    }

    @Test
    void anAuthorTheTextNamesTooGetsTheRoleAndKeepsItsMentions() {
        Entity named = new Entity(EntityType.PERSON, "Ербол Тишкамбаев", List.of("журналист"), null,
                List.of(new Mention(10, 26, "Ербол Тишкамбаев")));
        Extraction found = Authors.withAuthor(new Extraction(List.of(named, CITY), null, null, null),
                "ербол тишкамбаев");
        assertEquals(List.of(new Entity(EntityType.PERSON, "Ербол Тишкамбаев", List.of("автор", "журналист"), null,
                named.mentions()), CITY), found.entities());
        assertEquals(found.entities(), Authors.withAuthor(found, "Ербол Тишкамбаев").entities(),
                "the role is added once");
    }

    @Test
    void noAuthorChangesNothing() {
        Extraction found = new Extraction(List.of(CITY), null, null, null);
        assertSame(found, Authors.withAuthor(found, null));
        assertSame(found, Authors.withAuthor(found, "  "));
    }
}
