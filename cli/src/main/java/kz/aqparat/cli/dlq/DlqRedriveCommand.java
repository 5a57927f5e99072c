package kz.aqparat.cli.dlq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import kz.aqparat.cli.operate.BoundedRead;
import kz.aqparat.cli.operate.CopyRun;
import kz.aqparat.cli.operate.CopyRunOptions;
import kz.aqparat.cli.operate.KafkaOptions;
import kz.aqparat.cli.operate.ProgressDisplay;
import kz.aqparat.cli.operate.RunProgress;
import kz.aqparat.cli.operate.StopSignal;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = {"Send the original records of dead letters back through the pipeline, to be processed by "
                + "today's code and configuration: those that failed in enrich to articles.replay (with their "
                + "source offset), those that failed in store to articles.enriched; key, value and original "
                + "headers as they were. Dead letters stay in articles.dlq; redriving twice is harmless (the store "
                + "keeps one version of each article).",
                "A dead letter whose value, key or headers were cut cannot be redriven: it is listed and skipped.",
                "Exit code: 0 all selected redriven, 1 some could not be (or Kafka refused some), 2 error."})
public final class DlqRedriveCommand implements Callable<Integer> {

    /** Skip reasons that mean "selected but cannot be redriven" (the others mean "not selected"). */
    static final Set<String> REFUSALS = Set.of("valueTruncated", "keyTruncated", "headersTruncated", "noKey",
            "tombstone", "noSourceOffset", "unknownOrigin");

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--stage", paramLabel = "STAGE", description = "only this stage and the stages below it")
    String stage;

    @Option(names = "--since", paramLabel = "TIME", description = "only dead letters written at or after TIME")
    String since;

    @Option(names = "--ids", paramLabel = "FILE", description = "only these article ids, one a line ('-': stdin)")
    Path ids;

    @Option(names = "--dry-run", description = "count and list what would be redriven; write nothing")
    boolean dryRun;

    @Mixin
    CopyRunOptions copy;

    /** A selected dead letter that was not redriven. */
    public record Refused(String position, String id, String stage, String reason, String detail) {
    }

    @Override
    public Integer call() throws Exception {
        DlqFilter filter = DlqListCommand.filter(spec, stage, since, ids);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Refused> refused = new ArrayList<>();
        Map<String, Long> byTarget = new LinkedHashMap<>();
        CopyRun.Summary summary;
        try (StopSignal stop = new StopSignal();
             CopyRun run = new CopyRun(kafka, "redrive", Topics.ARTICLES_DLQ.name(), filter.describe(), dryRun,
                     copy.rate);
             KafkaConsumer<byte[], byte[]> consumer = kafka.reader("aqparat-redrive-reader")) {
            BoundedRead read = new BoundedRead(consumer, Topics.ARTICLES_DLQ.name(), filter.since());
            run.start(read.total());
            boolean complete = false;
            Exception error = null;
            try (ProgressDisplay display = ProgressDisplay.of(dryRun ? "redrive (dry run)" : "redrive", read.total(),
                    !copy.noProgress, err)) {
                complete = read.forEach(record -> {
                    run.read();
                    DeadLetterView dead = DeadLetterView.of(record);
                    String rejected = filter.reject(dead);
                    if (rejected != null) {
                        run.skip(rejected);
                        return;
                    }
                    RedrivePlan.Outcome outcome = RedrivePlan.of(dead);
                    if (outcome.record() == null) {
                        run.skip(outcome.refusal());
                        refused.add(new Refused(dead.position(), dead.id(), dead.stage(), outcome.refusal(),
                                outcome.detail()));
                        return;
                    }
                    byTarget.merge(outcome.record().topic(), 1L, Long::sum);
                    run.write(outcome.record());
                }, stop::requested, covered -> {
                    run.scanned(covered);
                    display.update(covered, (dryRun ? "would redrive " : "redriven ") + run.writtenSoFar());
                });
            } catch (Exception e) {
                error = kafka.explain(e);
            }
            summary = run.finish(complete, error);
            // Printed before the signal is closed: on Ctrl-C the JVM exits once it is.
            return report(summary, filter, byTarget, refused, out, err);
        } catch (RuntimeException e) {
            throw kafka.explain(e);
        }
    }

    private int report(CopyRun.Summary summary, DlqFilter filter, Map<String, Long> byTarget, List<Refused> refused,
                       PrintWriter out, PrintWriter err) throws Exception {
        if (copy.json) {
            out.println(Json.mapper().writeValueAsString(jsonSummary(summary, filter, byTarget, refused)));
        } else {
            print(out, summary, byTarget, refused);
        }
        out.flush();
        if (RunProgress.FAILED.equals(summary.state())) {
            err.println("error: " + (summary.error() != null ? summary.error() : summary.firstFailure()));
            err.flush();
            return 2;
        }
        return RunProgress.DONE.equals(summary.state()) && refused.isEmpty() && summary.failed() == 0 ? 0 : 1;
    }

    private static void print(PrintWriter out, CopyRun.Summary s, Map<String, Long> byTarget, List<Refused> refused) {
        for (Refused r : refused) {
            out.printf("NOT REDRIVEN %s %s (%s): %s%n", r.position(), r.id() == null ? "(no key)" : r.id(),
                    r.stage(), r.detail());
        }
        long notSelected = s.skipped().entrySet().stream().filter(e -> !REFUSALS.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        out.printf("%sread %d dead letter(s), %s %d%s, could not redrive %d, not selected %d, %.1f s%n",
                s.dryRun() ? "dry run, nothing written: " : s.id() + " " + s.state() + ": ", s.read(),
                s.dryRun() ? "would redrive" : "redriven", s.written(),
                byTarget.isEmpty() ? "" : " (" + byTarget.entrySet().stream().map(e -> e.getValue() + " to "
                        + e.getKey()).collect(Collectors.joining(", ")) + ")",
                refused.size(), notSelected, s.seconds());
        if (s.failed() > 0) {
            out.printf("refused by Kafka: %d (first: %s)%n", s.failed(), s.firstFailure());
        }
    }

    private static Map<String, Object> jsonSummary(CopyRun.Summary s, DlqFilter filter, Map<String, Long> byTarget,
                                                   List<Refused> refused) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.dryRun() ? null : s.id());
        json.put("dryRun", s.dryRun());
        json.put("state", s.state());
        json.put("selection", filter.describe());
        json.put("read", s.read());
        json.put("redriven", s.written());
        json.put("redrivenTo", byTarget);
        json.put("notRedriven", refused.size());
        json.put("notRedrivenList", refused);
        Map<String, Long> notSelected = new LinkedHashMap<>(s.skipped());
        notSelected.keySet().removeAll(REFUSALS);
        json.put("notSelected", notSelected);
        json.put("failed", s.failed());
        json.put("firstFailure", s.firstFailure());
        json.put("seconds", Math.round(s.seconds() * 10) / 10.0);
        json.put("targetEndOffsets", s.targetEndOffsets());
        return json;
    }
}
