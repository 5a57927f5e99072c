package kz.aqparat.store.topology;

/**
 * Told by the topology, on the stream thread, of every record of {@code articles.enriched} that changed nothing
 * because it is not newer than what the store has. Implementations must be quick and must not throw.
 */
public interface VersionListener {

    VersionListener NONE = new VersionListener() {
    };

    /** Why a record changed nothing; {@link #label()} is the metric tag. */
    enum Skip {
        /** Older than the stored version (by source version, then engine version). */
        OLDER("older"),
        /** The stored version again (same source version, same engine version). */
        SAME("same"),
        /** The stored text again, enriched by the same engine, from a newer raw record (a duplicate push). */
        DUPLICATE("duplicate"),
        /** An article version older than the delete the store keeps for it. */
        DELETED("deleted"),
        /** A delete not newer than the stored version or than the delete already kept (e.g. the same delete again). */
        STALE_DELETE("stale-delete");

        private final String label;

        Skip(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    default void skipped(String id, Skip why) {
    }
}
