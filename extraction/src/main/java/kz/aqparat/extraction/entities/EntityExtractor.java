package kz.aqparat.extraction.entities;

import java.util.List;
import kz.aqparat.contracts.Entity;

/** Persons, organisations and locations (with the article's first-level regions). */
public final class EntityExtractor {

    public record Result(List<Entity> entities, List<String> regions) {
    }

    public static EntityExtractor load() {
        return new EntityExtractor();
    }

    public Result extract(String text) {
        // First version: nothing found yet; the engine is issue #3.
        return new Result(List.of(), List.of());
    }
}
