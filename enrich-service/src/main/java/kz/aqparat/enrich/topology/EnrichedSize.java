package kz.aqparat.enrich.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RecordLimits;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Bounds what enrichment adds to an article, so that any raw article of at most
 * {@link RecordLimits#MAX_RAW_VALUE_BYTES} enriches to at most {@link RecordLimits#MAX_ENRICHED_VALUE_BYTES} and is
 * stored rather than dead-lettered. At most {@value #MAX_ENTITIES} entities (those with the most mentions; ties in
 * the extractor's order), {@value #MAX_MENTIONS_PER_ENTITY} mentions and {@value #MAX_ROLES_PER_ENTITY} roles per
 * entity, {@value #MAX_STATISTICS} statistics and {@value #MAX_DATES} dates are kept (the first ones in the text);
 * an entity whose name is longer than {@link RecordLimits#MAX_NAME_CHARS} is left out. If the article is still too
 * large (very long mention texts), every one of these caps is halved until it fits. The same extraction is always
 * cut the same way. What was left out is said in {@code enrichment.truncated}, and a cut entity keeps its exact
 * mention count in {@code mentionCount}, so that the views' counts stay exact.
 */
final class EnrichedSize {

    static final int MAX_ENTITIES = 500;
    static final int MAX_MENTIONS_PER_ENTITY = 50;
    static final int MAX_ROLES_PER_ENTITY = 10;
    static final int MAX_STATISTICS = 500;
    static final int MAX_DATES = 500;

    /** An enriched article within the limit, and its JSON. */
    record Fitted(EnrichedArticle article, byte[] json) {
    }

    private record Caps(int entities, int mentions, int roles, int statistics, int dates) {

        Caps halved() {
            return new Caps(entities / 2, mentions / 2, roles / 2, statistics / 2, dates / 2);
        }

        boolean none() {
            return entities == 0 && statistics == 0 && dates == 0;
        }
    }

    private EnrichedSize() {
    }

    /**
     * @throws RecordTooLargeException when even without entities, statistics and dates the article is larger than
     *                                 {@code maxBytes} (its raw fields alone are too large)
     */
    static Fitted fit(EnrichedArticle article, int maxBytes) throws JsonProcessingException {
        Caps caps = new Caps(MAX_ENTITIES, MAX_MENTIONS_PER_ENTITY, MAX_ROLES_PER_ENTITY, MAX_STATISTICS, MAX_DATES);
        while (true) {
            EnrichedArticle cut = cut(article, caps);
            byte[] json = Json.mapper().writeValueAsBytes(cut);
            if (json.length <= maxBytes) {
                return new Fitted(cut, json);
            }
            if (caps.none()) {
                throw new RecordTooLargeException("the enriched article is " + json.length + " bytes even without "
                        + "entities, statistics and dates, more than the " + maxBytes + " bytes "
                        + "articles.enriched takes");
            }
            caps = caps.halved();
        }
    }

    private static EnrichedArticle cut(EnrichedArticle article, Caps caps) {
        List<Entity> named = article.entities().stream()
                .filter(e -> e.name() == null || e.name().length() <= RecordLimits.MAX_NAME_CHARS)
                .toList();
        List<Entity> kept = mostMentioned(named, caps.entities());
        int mentionsLeftOut = 0;
        int rolesLeftOut = 0;
        List<Entity> entities = new ArrayList<>(kept.size());
        for (Entity entity : kept) {
            mentionsLeftOut += Math.max(0, entity.mentions().size() - caps.mentions());
            rolesLeftOut += Math.max(0, entity.roles().size() - caps.roles());
            entities.add(new Entity(entity.type(), entity.name(), first(entity.roles(), caps.roles()),
                    entity.region(), entity.mentionsFound(), first(entity.mentions(), caps.mentions())));
        }
        int entitiesLeftOut = article.entities().size() - kept.size();
        int statisticsLeftOut = Math.max(0, article.statistics().size() - caps.statistics());
        int datesLeftOut = Math.max(0, article.dates().size() - caps.dates());
        Enrichment.Truncation truncation = entitiesLeftOut + mentionsLeftOut + rolesLeftOut + statisticsLeftOut
                + datesLeftOut == 0 ? null : new Enrichment.Truncation(entitiesLeftOut, mentionsLeftOut,
                rolesLeftOut, statisticsLeftOut, datesLeftOut);
        Enrichment enrichment = article.enrichment();
        return new EnrichedArticle(article.id(), article.source(), article.url(), article.title(),
                article.titleDerived(), article.author(), article.publishedAt(), article.language(), article.text(), article.receivedAt(), entities,
                article.regions(), first(article.statistics(), caps.statistics()),
                first(article.dates(), caps.dates()),
                enrichment.withTruncated(truncation));
    }

    /** The {@code max} entities with the most mentions, in their original order. */
    private static List<Entity> mostMentioned(List<Entity> entities, int max) {
        if (entities.size() <= max) {
            return entities;
        }
        boolean[] keep = new boolean[entities.size()];
        IntStream.range(0, entities.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -entities.get(i).mentionsFound())
                        .thenComparingInt(i -> i))
                .limit(max)
                .forEach(i -> keep[i] = true);
        return IntStream.range(0, entities.size()).filter(i -> keep[i]).mapToObj(entities::get).toList();
    }

    private static <T> List<T> first(List<T> items, int max) {
        return items.size() <= max ? items : items.subList(0, max);
    }
}
