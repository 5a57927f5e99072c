package kz.aqparat.contracts;

import java.util.List;

/**
 * What ingest-service knows of one article id after one record of {@code articles.raw}: the value of
 * {@link Topics#ARTICLE_IDS} (key = article id) and of the stores {@link Stores#ARTICLE_ID_VERSIONS} and
 * {@link Stores#ARTICLE_IDS}. A few dozen bytes, whatever the size of the article.
 *
 * @param versions       the text fingerprints ({@link RecordHeaders#TEXT_FINGERPRINT}) of every version of the id
 *                       seen so far, oldest first; {@link #ANY_VERSION} stands for a record without that header
 *                       (written by another tool), which counts as every version. Empty when the record is a
 *                       delete of an id never seen, or a raw record without key (key {@code ""}).
 * @param partition      the partition of {@code articles.raw} the record was read from
 * @param offset         its offset there: the index holds everything of that partition up to this offset
 * @param idsInPartition how many distinct ids that partition of {@code articles.raw} holds up to this offset
 */
public record ArticleIdVersions(List<String> versions, int partition, long offset, long idsInPartition) {

    /** The version of a record without fingerprint header: it stands for every version. */
    public static final String ANY_VERSION = "*";

    public ArticleIdVersions {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** Whether the version with text fingerprint {@code fingerprint} is known. */
    public boolean knows(String fingerprint) {
        return versions.contains(fingerprint) || versions.contains(ANY_VERSION);
    }
}
