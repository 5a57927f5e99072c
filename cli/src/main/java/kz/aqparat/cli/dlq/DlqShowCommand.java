package kz.aqparat.cli.dlq;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.aqparat.cli.operate.KafkaOptions;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"One dead letter with all its headers and the start of its value: at PARTITION:OFFSET (as "
                + "dlq list prints it; just OFFSET when articles.dlq has one partition), or every dead letter of an "
                + "article (--id).", "Exit code: 0 found, 1 no such dead letter, 2 error."})
public final class DlqShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    static final class Which {
        @Parameters(paramLabel = "POSITION", description = "PARTITION:OFFSET, or OFFSET with one partition")
        String position;

        @Option(names = "--id", paramLabel = "ID", description = "every dead letter whose key is this article id")
        String id;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--bytes", paramLabel = "N", defaultValue = "2048",
            description = "print at most the first N bytes of the value (default: ${DEFAULT-VALUE})")
    int bytes;

    @Option(names = "--json", description = "print as JSON on stdout (a list with --id)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<DeadLetterView> found = new ArrayList<>();
        try {
            if (which.id != null) {
                DlqScan.forEach(kafka, null, false, spec.commandLine().getErr(), dead -> {
                    if (which.id.equals(dead.id())) {
                        found.add(dead);
                    }
                });
            } else {
                DeadLetterView dead = at(which.position);
                if (dead != null) {
                    found.add(dead);
                }
            }
        } catch (ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw kafka.explain(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> shown = found.stream().map(this::toJson).toList();
            out.println(Json.mapper().writeValueAsString(which.id != null ? shown : shown.isEmpty() ? null
                    : shown.get(0)));
        } else {
            found.forEach(dead -> print(out, dead));
        }
        out.flush();
        if (found.isEmpty()) {
            spec.commandLine().getErr().println(which.id != null ? "no dead letter of article " + which.id
                    : "no dead letter at " + which.position + " in " + Topics.ARTICLES_DLQ.name());
            return 1;
        }
        return 0;
    }

    private DeadLetterView at(String text) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.reader("aqparat-dlq-show")) {
            var infos = consumer.partitionsFor(Topics.ARTICLES_DLQ.name());
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException(Topics.ARTICLES_DLQ.name() + " does not exist");
            }
            DlqPosition position;
            try {
                position = DlqPosition.parse(text, infos.size());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            TopicPartition partition = new TopicPartition(Topics.ARTICLES_DLQ.name(), position.partition());
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (position.offset() >= end) {
                return null;
            }
            consumer.assign(List.of(partition));
            consumer.seek(partition, position.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) <= position.offset() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == position.offset()) {
                        return DeadLetterView.of(record);
                    }
                    if (record.offset() > position.offset()) {
                        return null;
                    }
                }
            }
            return null;
        }
    }

    private void print(PrintWriter out, DeadLetterView dead) {
        out.printf("%s %s  %s%n", Topics.ARTICLES_DLQ.name(), dead.position(), dead.time());
        out.printf("key: %s%n", dead.key() == null ? "(none)" : DeadLetterView.printable(dead.key()));
        out.println("headers:");
        for (Header header : dead.headers()) {
            out.printf("  %s: %s%n", header.key(), header.value() == null ? "(null)"
                    : DeadLetterView.printable(header.value()));
        }
        if (dead.value() == null) {
            out.println("value: (null: a tombstone)");
        } else {
            String cut = dead.header(DlqHeaders.VALUE_TRUNCATED);
            out.printf("value: %d bytes%s%s:%n", dead.value().length,
                    cut == null ? "" : " (the original had " + cut + " bytes: cut in the dead-letter topic)",
                    dead.value().length > bytes ? ", the first " + bytes : "");
            out.println(valueStart(dead.value()));
        }
        out.println();
    }

    private Map<String, Object> toJson(DeadLetterView dead) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("position", dead.position());
        json.put("partition", dead.partition());
        json.put("offset", dead.offset());
        json.put("time", dead.time().toString());
        json.put("key", dead.key() == null ? null : DeadLetterView.printable(dead.key()));
        List<Map<String, String>> headers = new ArrayList<>();
        for (Header header : dead.headers()) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("name", header.key());
            h.put("value", DeadLetterView.printable(header.value()));
            headers.add(h);
        }
        json.put("headers", headers);
        json.put("valueBytes", dead.value() == null ? null : dead.value().length);
        json.put("value", dead.value() == null ? null : valueStart(dead.value()));
        json.put("valueShownBytes", dead.value() == null ? 0 : Math.min(bytes, dead.value().length));
        return json;
    }

    /** The first {@code --bytes} bytes as UTF-8 (a character cut at the end is replaced). */
    private String valueStart(byte[] value) {
        return new String(Arrays.copyOf(value, Math.min(bytes, value.length)), StandardCharsets.UTF_8);
    }
}
