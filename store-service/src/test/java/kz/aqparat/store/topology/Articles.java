package kz.aqparat.store.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Mention;

/** Builds enriched articles whose mentions really point into their text. */
public final class Articles {

    private Articles() {
    }

    public static Entity entity(EntityType type, String name, String region, String text, int mentions) {
        List<Mention> found = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < mentions; i++) {
            int start = text.indexOf(name, from);
            if (start < 0) {
                throw new IllegalArgumentException(name + " is not " + mentions + " times in the text");
            }
            found.add(new Mention(start, start + name.length(), name));
            from = start + name.length();
        }
        return new Entity(type, name, List.of(), region, found);
    }

    /** An article without a source version, as enrich-service wrote them before it had one. */
    public static EnrichedArticle article(String id, String publishedAt, String text, List<Entity> entities,
                                          List<String> regions, String version, Instant processedAt) {
        return article(id, publishedAt, text, entities, regions, new Enrichment(version, processedAt));
    }

    /** An article enriched by engine {@code version} from the raw record at offset {@code sourceVersion}. */
    public static EnrichedArticle article(String id, String publishedAt, String text, List<Entity> entities,
                                          List<String> regions, String version, Instant processedAt,
                                          long sourceVersion) {
        return article(id, publishedAt, text, entities, regions, new Enrichment(version, processedAt, sourceVersion));
    }

    private static EnrichedArticle article(String id, String publishedAt, String text, List<Entity> entities,
                                           List<String> regions, Enrichment enrichment) {
        return new EnrichedArticle(id, "Kazpravda.kz", null, "Заголовок " + id, publishedAt, "ru", text,
                Instant.parse("2026-03-01T08:00:00Z"), entities, regions, List.of(), List.of(), enrichment);
    }
}
