package kz.aqparat.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A person, organisation or location, under one canonical (nominative) name, with every mention of it.
 *
 * @param roles  roles and titles stated next to a person, e.g. "депутат Мажилиса"; empty otherwise
 * @param region for a location in Kazakhstan, its first-level region; null otherwise
 */
public record Entity(
        EntityType type,
        String name,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) String region,
        List<Mention> mentions) {

    public Entity {
        roles = roles == null ? List.of() : List.copyOf(roles);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
