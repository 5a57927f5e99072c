package kz.aqparat.store.topology;

/**
 * Told by the topology, on the stream thread, of every accepted article version and of every view it changes.
 * Implementations must be quick and must not throw.
 */
public interface ViewListener {

    ViewListener NONE = new ViewListener() {
    };

    /** An article was stored ({@code latest} is its projection) or deleted ({@code latest} is null). */
    default void articleChanged(String id, ArticleProjection latest) {
    }

    /** A row of {@code view} changed on this instance (called once per article that changes it). */
    default void viewChanged(PartialView<?> view) {
    }
}
