package kz.aqparat.contracts;

import java.time.Instant;
import java.util.List;

/**
 * store-service's record of an article (the value of {@link Stores#ARTICLE_VERSIONS}): which version of it the views
 * count and what that version adds to each view, or that the article was deleted. It is all that is needed to decide
 * whether a later record is newer, and to take the counted version back out of the views when a newer version or a
 * delete arrives, without keeping the article.
 *
 * <p>Versions are ordered by {@link #sourceVersion()}, then {@link #engineVersion()} compared as dotted numbers
 * ({@link #compareTo}). Versions without a source version (written before it existed) are older than any with one,
 * and are ordered among themselves by {@link #processedAt()}, the rule of earlier releases.
 *
 * @param processedAt   its {@code enrichment.processedAt}; null when it had none
 * @param entities      one row per distinct (type, name), articleCount 1; empty for a delete
 * @param regions       one row per region it concerns, articleCount 1; empty for a delete
 * @param day           its publication day, or {@link DayCount#UNKNOWN}
 * @param sourceVersion its {@code enrichment.sourceVersion} (offset in {@code articles.raw}), or for a delete the
 *                      offset of the delete; null when unknown (oldest)
 * @param engineVersion its {@code enrichment.version}; null when unknown
 * @param fingerprint   its {@link RecordHeaders#TEXT_FINGERPRINT} header; null when it had none
 * @param deleted       true: the article was deleted at {@code sourceVersion} and is in no view; a record of it with
 *                      an older source version must not bring it back
 * @param receivedAt    its {@code receivedAt}, which with {@code day} places it in {@link Stores#ARTICLE_INDEX}; null
 *                      when it had none, for a delete, and in records of releases before the index
 */
public record ArticleVersion(Instant processedAt, List<EntityCount> entities, List<RegionCount> regions,
                             String day, Long sourceVersion, String engineVersion, String fingerprint,
                             boolean deleted, Instant receivedAt) {

    public ArticleVersion {
        entities = entities == null ? List.of() : List.copyOf(entities);
        regions = regions == null ? List.of() : List.copyOf(regions);
        day = day == null ? DayCount.UNKNOWN : day;
    }

    /** A version as releases before the article index recorded it: without {@code receivedAt}. */
    public ArticleVersion(Instant processedAt, List<EntityCount> entities, List<RegionCount> regions,
                          String day, Long sourceVersion, String engineVersion, String fingerprint, boolean deleted) {
        this(processedAt, entities, regions, day, sourceVersion, engineVersion, fingerprint, deleted, null);
    }

    /** A version as earlier releases recorded it: contributions and {@code processedAt} only. */
    public ArticleVersion(Instant processedAt, List<EntityCount> entities, List<RegionCount> regions, String day) {
        this(processedAt, entities, regions, day, null, null, null, false);
    }

    /** The marker of an article deleted at raw offset {@code sourceVersion}. */
    public static ArticleVersion deletedAt(Long sourceVersion) {
        return new ArticleVersion(null, List.of(), List.of(), DayCount.UNKNOWN, sourceVersion, null, null, true);
    }

    /** The same version, known to be at {@code newer} (the same text pushed again). */
    public ArticleVersion withSourceVersion(Long newer) {
        return new ArticleVersion(processedAt, entities, regions, day, newer, engineVersion, fingerprint, deleted,
                receivedAt);
    }

    /**
     * Negative when this version is older than {@code other}, 0 when they are the same version, positive when it is
     * newer: by source version (null oldest), then, when neither has one, by {@code processedAt} (null oldest), then
     * by engine version as dotted numbers ({@link #compareEngineVersions}).
     */
    public int compareTo(ArticleVersion other) {
        if (sourceVersion != null || other.sourceVersion != null) {
            int bySource = Long.compare(orOldest(sourceVersion), orOldest(other.sourceVersion));
            if (bySource != 0) {
                return bySource;
            }
        } else {
            int byTime = compareNullsFirst(processedAt, other.processedAt);
            if (byTime != 0) {
                return byTime;
            }
        }
        return compareEngineVersions(engineVersion, other.engineVersion);
    }

    /**
     * Compares engine versions as dotted numbers: {@code "0.10.0"} is newer than {@code "0.9.2"}, {@code "1.2"} equals
     * {@code "1.2.0"}. Parts are split at {@code .} and {@code -}; numeric parts compare as numbers, others as text,
     * and a numeric part is newer than a text one ({@code "1.0.0"} is newer than {@code "1.0.0-rc1"}). Null is the
     * oldest.
     */
    public static int compareEngineVersions(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String[] left = a.strip().split("[.-]");
        String[] right = b.strip().split("[.-]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String x = i < left.length ? left[i] : "0";
            String y = i < right.length ? right[i] : "0";
            boolean xNumber = !x.isEmpty() && x.chars().allMatch(Character::isDigit);
            boolean yNumber = !y.isEmpty() && y.chars().allMatch(Character::isDigit);
            int order;
            if (xNumber && yNumber) {
                order = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
            } else if (xNumber != yNumber) {
                order = xNumber ? 1 : -1;
            } else {
                order = x.compareTo(y);
            }
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static long orOldest(Long sourceVersion) {
        return sourceVersion == null ? -1 : sourceVersion;
    }

    private static int compareNullsFirst(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
