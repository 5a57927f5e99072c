package kz.aqparat.store.topology;

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
    static final BinaryStoreSerde<ArticleVersion> ARTICLE_VERSION = new BinaryStoreSerde<>(ArticleVersion.class,
            1024, StoreValueSerdes::writeArticleVersion, StoreValueSerdes::readArticleVersion);

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
    }

    private static ArticleVersion readArticleVersion(BinaryReader in) {
        return new ArticleVersion(in.readInstant(), in.readList(StoreValueSerdes::readEntityCount),
                in.readList(StoreValueSerdes::readRegionCount), in.readString());
    }
}
