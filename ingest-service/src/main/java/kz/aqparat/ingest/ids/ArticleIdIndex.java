package kz.aqparat.ingest.ids;

import kz.aqparat.contracts.ArticleIdVersions;

/** The id index as the requests ask it: what {@code articles.raw} holds of an id, and how far the index has read. */
public interface ArticleIdIndex {

    /**
     * The versions of {@code id} in {@code articles.raw} as far as the index has read, or null for an unknown id.
     *
     * @throws IndexUnavailable when the store cannot be read now (Kafka Streams not running)
     */
    ArticleIdVersions get(String id);

    /** The highest offset of partition {@code partition} of {@code articles.raw} the index holds with all before it. */
    long readUpTo(int partition);

    /** True once the index holds everything {@code articles.raw} held when the service started. */
    boolean isReady();

    /** Why the index stopped for good, or null. */
    Throwable failure();

    /** Distinct ids in the index. */
    long size();

    /** The index cannot be read now. */
    final class IndexUnavailable extends RuntimeException {
        public IndexUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
