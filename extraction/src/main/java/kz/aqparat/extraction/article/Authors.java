package kz.aqparat.extraction.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Extraction;

/**
 * The author of an article as one of its persons: a PERSON entity with role {@value #ROLE}. The author comes with the
 * article (a feed heading's byline), not from its text, so the entity has no mention of its own: mention offsets
 * index into the text, and the name is not there. When the text names the same person too, that entity gets the role
 * and keeps its mentions.
 */
public final class Authors {

    /** The role of the author among the article's persons. */
    public static final String ROLE = "автор";

    private Authors() {
    }

    /** {@code extraction} with {@code author} among its persons; unchanged when the author is null or blank. */
    public static Extraction withAuthor(Extraction extraction, String author) {
        String name = normalized(author);
        if (name == null) {
            return extraction;
        }
        List<Entity> entities = new ArrayList<>(extraction.entities());
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            if (e.type() == EntityType.PERSON && e.name() != null
                    && e.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                if (!e.roles().contains(ROLE)) {
                    List<String> roles = new ArrayList<>(e.roles().size() + 1);
                    roles.add(ROLE);
                    roles.addAll(e.roles());
                    entities.set(i, new Entity(e.type(), e.name(), roles, e.region(), e.mentionCount(),
                            e.mentions()));
                }
                return new Extraction(entities, extraction.regions(), extraction.statistics(), extraction.dates());
            }
        }
        entities.add(new Entity(EntityType.PERSON, name, List.of(ROLE), null, List.of()));
        return new Extraction(entities, extraction.regions(), extraction.statistics(), extraction.dates());
    }

    /** The name with its white space collapsed; null when there is none. */
    static String normalized(String author) {
        if (author == null) {
            return null;
        }
        String name = author.strip().replaceAll("\\s+", " ");
        return name.isEmpty() ? null : name;
    }
}
