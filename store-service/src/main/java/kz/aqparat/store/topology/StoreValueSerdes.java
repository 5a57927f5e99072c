package kz.aqparat.store.topology;

import java.util.Map;
import kz.aqparat.contracts.ArticleVersion;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Stores;

/**
 * The serdes of the values of {@link Stores#ARTICLE_VERSIONS} and of the partial views. Binary rather than JSON
 * because every article reads and writes some 20–30 view rows through the stores' caches, which (de)serialize on
 * each access; only store-service reads these stores, and its HTTP answers are JSON made from the records.
 */
final class StoreValueSerdes {

    static final BinaryStoreSerde<EntityCount> ENTITY_COUNT = new BinaryStoreSerde<>(EntityCount.class, 64,
            StoreValueSerdes::writeEntityCount, StoreValueSerdes::readEntityCount);
    static final BinaryStoreSerde<RegionCount> REGION_COUNT = new BinaryStoreSerde<>(RegionCount.class, 64,
            StoreValueSerdes::writeRegionCount, StoreValueSerdes::readRegionCount);
    static final BinaryStoreSerde<DayCount> DAY_COUNT = new BinaryStoreSerde<>(DayCount.class, 16,
            StoreValueSerdes::writeDayCount, StoreValueSerdes::readDayCount);
    /**
     * Format 2 adds the source and engine versions, the fingerprint and the deleted mark to format 1 (contributions
     * and {@code processedAt}), which is still read.
     */
    static final byte ARTICLE_VERSION_FORMAT = 2;
    static final BinaryStoreSerde<ArticleVersion> ARTICLE_VERSION = new BinaryStoreSerde<>(ArticleVersion.class,
            1024, ARTICLE_VERSION_FORMAT, StoreValueSerdes::writeArticleVersion, StoreValueSerdes::readArticleVersion,
            Map.of(BinaryStoreSerde.FORMAT, StoreValueSerdes::readArticleVersionFormat1));

    private StoreValueSerdes() {
    }

    private static void writeEntityCount(EntityCount row, BinaryWriter out) {
        // By name, not ordinal: a reordered or extended EntityType must still read the stored rows.
        out.writeString(row.type() == null ? null : row.type().name());
        out.writeString(row.name());
        out.writeLong(row.mentionCount());
        out.writeLong(row.articleCount());
    }

    private static EntityCount readEntityCount(BinaryReader in) {
        String type = in.readString();
        return new EntityCount(type == null ? null : EntityType.valueOf(type), in.readString(), in.readLong(),
                in.readLong());
    }

    private static void writeRegionCount(RegionCount row, BinaryWriter out) {
        out.writeString(row.region());
        out.writeLong(row.articleCount());
        out.writeLong(row.mentionCount());
    }

    private static RegionCount readRegionCount(BinaryReader in) {
        return new RegionCount(in.readString(), in.readLong(), in.readLong());
    }

    private static void writeDayCount(DayCount row, BinaryWriter out) {
        out.writeString(row.day());
        out.writeLong(row.articleCount());
    }

    private static DayCount readDayCount(BinaryReader in) {
        return new DayCount(in.readString(), in.readLong());
    }

    private static void writeArticleVersion(ArticleVersion version, BinaryWriter out) {
        out.writeInstant(version.processedAt());
        out.writeList(version.entities(), StoreValueSerdes::writeEntityCount);
        out.writeList(version.regions(), StoreValueSerdes::writeRegionCount);
        out.writeString(version.day());
        out.writeByte((byte) (version.deleted() ? 1 : 0));
        out.writeByte((byte) (version.sourceVersion() == null ? 0 : 1));
        if (version.sourceVersion() != null) {
            out.writeLong(version.sourceVersion());
        }
        out.writeString(version.engineVersion());
        out.writeString(version.fingerprint());
    }

    private static ArticleVersion readArticleVersion(BinaryReader in) {
        ArticleVersion counted = readArticleVersionFormat1(in);
        boolean deleted = readFlag(in);
        Long sourceVersion = readFlag(in) ? in.readLong() : null;
        return new ArticleVersion(counted.processedAt(), counted.entities(), counted.regions(), counted.day(),
                sourceVersion, in.readString(), in.readString(), deleted);
    }

    private static ArticleVersion readArticleVersionFormat1(BinaryReader in) {
        return new ArticleVersion(in.readInstant(), in.readList(StoreValueSerdes::readEntityCount),
                in.readList(StoreValueSerdes::readRegionCount), in.readString());
    }

    private static boolean readFlag(BinaryReader in) {
        byte flag = in.readByte();
        if (flag != 0 && flag != 1) {
            throw new IllegalArgumentException("flag byte " + flag);
        }
        return flag == 1;
    }
}
