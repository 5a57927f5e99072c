package kz.aqparat.store.topology;

import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.RegionCount;

/**
 * Told of every change to the stored articles and the views, on the stream thread, as the topology makes it. A
 * null value means the row (or article) is gone. Implementations must be quick and must not throw.
 */
public interface ViewListener {

    ViewListener NONE = new ViewListener() {
    };

    default void articleChanged(String id, EnrichedArticle latest) {
    }

    default void entityChanged(String key, EntityCount count) {
    }

    default void regionChanged(String region, RegionCount count) {
    }

    default void dayChanged(String day, DayCount count) {
    }
}
