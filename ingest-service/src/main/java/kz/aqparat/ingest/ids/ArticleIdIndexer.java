package kz.aqparat.ingest.ids;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.aqparat.contracts.ArticleIdVersions;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Stores;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One raw record into the index of its partition (see {@link ArticleIdTopology}): the record's version is added to
 * its id's versions in {@link Stores#ARTICLE_ID_VERSIONS}, and the result is forwarded, with the raw partition and
 * offset, for {@code articles.ids}. A tombstone adds no version (a feed re-sending an old item must not bring a
 * deleted article back); a record without fingerprint header stands for every version.
 */
final class ArticleIdIndexer implements Processor<String, Boolean, String, ArticleIdVersions> {

    /** The task store's entry holding the number of distinct ids of the partition (no article id has this key). */
    static final String COUNT_KEY = "\u0000ids";

    private ProcessorContext<String, ArticleIdVersions> context;
    private KeyValueStore<String, ArticleIdVersions> store;

    @Override
    public void init(ProcessorContext<String, ArticleIdVersions> context) {
        this.context = context;
        this.store = context.getStateStore(Stores.ARTICLE_ID_VERSIONS.name());
    }

    @Override
    public void process(Record<String, Boolean> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        ArticleIdVersions counted = store.get(COUNT_KEY);
        long ids = counted == null ? 0 : counted.idsInPartition();
        Record<String, ArticleIdVersions> out = record.withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders())
                .withValue(null);
        if (record.key() == null || record.key().equals(COUNT_KEY)) {
            context.forward(out.withKey("").withValue(new ArticleIdVersions(List.of(), source.partition(),
                    source.offset(), ids)));
            return;
        }
        ArticleIdVersions known = store.get(record.key());
        List<String> versions = known == null ? List.of() : known.versions();
        if (record.value() != null) {
            String version = fingerprint(record.headers().lastHeader(RecordHeaders.TEXT_FINGERPRINT));
            if (!versions.contains(version)) {
                List<String> more = new ArrayList<>(versions);
                more.add(version);
                versions = more;
            }
        }
        if (known == null && !versions.isEmpty()) {
            ids++;
            store.put(COUNT_KEY, new ArticleIdVersions(List.of(), source.partition(), source.offset(), ids));
        }
        ArticleIdVersions next = new ArticleIdVersions(versions, source.partition(), source.offset(), ids);
        if (!versions.isEmpty()) {
            store.put(record.key(), next);
        }
        context.forward(out.withValue(next));
    }

    private static String fingerprint(Header header) {
        return header == null || header.value() == null ? ArticleIdVersions.ANY_VERSION
                : new String(header.value(), StandardCharsets.US_ASCII);
    }
}
