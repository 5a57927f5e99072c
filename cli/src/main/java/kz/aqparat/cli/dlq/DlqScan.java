package kz.aqparat.cli.dlq;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.function.Consumer;
import kz.aqparat.cli.operate.BoundedRead;
import kz.aqparat.cli.operate.KafkaOptions;
import kz.aqparat.cli.operate.ProgressDisplay;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** One bounded pass over {@code articles.dlq} from {@code since} (by {@code offsetsForTimes}) or its beginning. */
final class DlqScan {

    private DlqScan() {
    }

    /** @return true if the whole topic (from {@code since}) was read */
    static boolean forEach(KafkaOptions kafka, Instant since, boolean progress, PrintWriter err,
                           Consumer<DeadLetterView> handler) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.reader("aqparat-dlq-reader")) {
            BoundedRead read = new BoundedRead(consumer, Topics.ARTICLES_DLQ.name(), since);
            try (ProgressDisplay display = ProgressDisplay.of("dlq", read.total(), progress, err)) {
                return read.forEach(record -> handler.accept(DeadLetterView.of(record)), () -> false,
                        covered -> display.update(covered, ""));
            }
        }
    }
}
