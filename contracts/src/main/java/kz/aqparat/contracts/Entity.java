package kz.aqparat.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A person, organisation or location, under one canonical (nominative) name, with every mention of it.
 *
 * @param roles        roles and titles stated next to a person, e.g. "депутат Мажилиса"; empty otherwise
 * @param region       for a location in Kazakhstan, its first-level region; null otherwise
 * @param mentionCount how many mentions the article has of it, written only when {@code mentions} lists fewer
 *                     (enrich-service keeps at most a bounded number per entity, see {@link Enrichment#truncated()});
 *                     null when {@code mentions} lists them all. {@link #mentionsFound()} is the count either way.
 */
public record Entity(
        EntityType type,
        String name,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) String region,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer mentionCount,
        List<Mention> mentions) {

    public Entity {
        roles = roles == null ? List.of() : List.copyOf(roles);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        if (mentionCount != null && mentionCount == mentions.size()) {
            mentionCount = null;
        }
    }

    /** An entity with every one of its mentions listed. */
    public Entity(EntityType type, String name, List<String> roles, String region, List<Mention> mentions) {
        this(type, name, roles, region, null, mentions);
    }

    /** The number of mentions the article has of it, whether or not {@link #mentions()} lists them all. */
    public int mentionsFound() {
        return mentionCount == null ? mentions.size() : mentionCount;
    }
}
