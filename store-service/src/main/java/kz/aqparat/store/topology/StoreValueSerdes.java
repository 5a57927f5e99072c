package kz.aqparat.store.topology;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.contracts.IndexedArticle.IndexedEntity;
import kz.aqparat.contracts.IndexedArticle.IndexedStatistic;
import kz.aqparat.contracts.Qualifier;
import kz.aqparat.contracts.Statistic;
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
     * and {@code processedAt}); format 3 adds {@code receivedAt}. Formats 1 and 2 are still read.
     */
    static final byte ARTICLE_VERSION_FORMAT = 3;
    static final BinaryStoreSerde<ArticleVersion> ARTICLE_VERSION = new BinaryStoreSerde<>(ArticleVersion.class,
            1024, ARTICLE_VERSION_FORMAT, StoreValueSerdes::writeArticleVersion, StoreValueSerdes::readArticleVersion,
            Map.of(BinaryStoreSerde.FORMAT, StoreValueSerdes::readArticleVersionFormat1,
                    (byte) 2, StoreValueSerdes::readArticleVersionFormat2));
    static final BinaryStoreSerde<IndexedArticle> INDEXED_ARTICLE = new BinaryStoreSerde<>(IndexedArticle.class,
            2048, StoreValueSerdes::writeIndexedArticle, StoreValueSerdes::readIndexedArticle);

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
        out.writeInstant(version.receivedAt());
    }

    private static ArticleVersion readArticleVersion(BinaryReader in) {
        ArticleVersion v = readArticleVersionFormat2(in);
        return new ArticleVersion(v.processedAt(), v.entities(), v.regions(), v.day(), v.sourceVersion(),
                v.engineVersion(), v.fingerprint(), v.deleted(), in.readInstant());
    }

    private static void writeIndexedArticle(IndexedArticle article, BinaryWriter out) {
        out.writeString(article.id());
        out.writeString(article.title());
        out.writeByte((byte) (article.titleDerived() ? 1 : 0));
        out.writeString(article.author());
        out.writeString(article.source());
        out.writeString(article.url());
        out.writeString(article.publishedAt());
        out.writeString(article.day());
        out.writeInstant(article.receivedAt());
        out.writeInstant(article.processedAt());
        out.writeList(article.entities(), (entity, w) -> {
            w.writeString(entity.type().name());
            w.writeString(entity.name());
            w.writeLong(entity.mentionCount());
            w.writeString(entity.region());
            w.writeList(entity.roles(), (role, ww) -> ww.writeString(role));
            w.writeList(entity.variants(), (variant, ww) -> ww.writeString(variant));
        });
        out.writeList(article.regions(), (region, w) -> w.writeString(region));
        out.writeList(article.statistics(), (statistic, w) -> {
            w.writeString(statistic.kind() == null ? null : statistic.kind().name());
            w.writeString(statistic.unit());
            w.writeString(statistic.currency());
            w.writeString(statistic.value().toString());
            w.writeString(statistic.qualifier() == null ? null : statistic.qualifier().name());
            w.writeString(statistic.text());
        });
    }

    private static IndexedArticle readIndexedArticle(BinaryReader in) {
        String id = in.readString();
        String title = in.readString();
        boolean titleDerived = readFlag(in);
        String author = in.readString();
        String source = in.readString();
        String url = in.readString();
        String publishedAt = in.readString();
        String day = in.readString();
        Instant receivedAt = in.readInstant();
        Instant processedAt = in.readInstant();
        List<IndexedEntity> entities = in.readList(r -> new IndexedEntity(EntityType.valueOf(r.readString()),
                r.readString(), (int) r.readLong(), r.readString(), r.readList(BinaryReader::readString),
                r.readList(BinaryReader::readString)));
        List<String> regions = in.readList(BinaryReader::readString);
        List<IndexedStatistic> statistics = in.readList(r -> {
            String kind = r.readString();
            String unit = r.readString();
            String currency = r.readString();
            BigDecimal value = new BigDecimal(r.readString());
            String qualifier = r.readString();
            return new IndexedStatistic(kind == null ? null : Statistic.Kind.valueOf(kind), unit, currency, value,
                    qualifier == null ? null : Qualifier.valueOf(qualifier), r.readString());
        });
        return new IndexedArticle(id, title, titleDerived, author, source, url, publishedAt, day, receivedAt,
                processedAt, entities, regions, statistics);
    }

    private static ArticleVersion readArticleVersionFormat2(BinaryReader in) {
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
