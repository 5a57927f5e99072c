package kz.aqparat.contracts;

/**
 * A row of the entities view: how many articles name an entity and how often. Also one article's contribution to
 * that row (then {@code articleCount} is 1). Keyed by {@link #key(EntityType, String)}.
 */
public record EntityCount(EntityType type, String name, long mentionCount, long articleCount) {

    public static String key(EntityType type, String name) {
        return type + ":" + name;
    }
}
