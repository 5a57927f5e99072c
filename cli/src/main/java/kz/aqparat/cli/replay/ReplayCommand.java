package kz.aqparat.cli.replay;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import kz.aqparat.cli.operate.CopyRun;
import kz.aqparat.cli.operate.IdsFile;
import kz.aqparat.cli.operate.CopyRunOptions;
import kz.aqparat.cli.operate.KafkaOptions;
import kz.aqparat.cli.operate.ProgressTopic;
import kz.aqparat.cli.operate.RunProgress;
import kz.aqparat.cli.operate.StopSignal;
import kz.aqparat.cli.operate.TimeArgument;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-enrich articles already in articles.raw with the current engine, while the pipeline runs.",
                "Copies the selected records (key, value, headers, plus aqparat.source.offset = the raw offset) to "
                        + "articles.replay, which enrich-service reads beside articles.raw; deletes (tombstones) are "
                        + "skipped. Reads up to the end of articles.raw at the start, so it ends on a live topic.",
                "Exit code: 0 done, 1 some records refused by Kafka, 2 error (Ctrl-C stops it cleanly: 130)."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from", paramLabel = "TIME",
            description = "only articles received at or after TIME (ISO-8601 instant or date, UTC)")
    String from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "only articles received before TIME (a date includes that whole day)")
    String to;

    @Option(names = "--ids", paramLabel = "FILE", description = "only these article ids, one a line ('-': stdin)")
    Path ids;

    @Option(names = "--source", paramLabel = "SOURCE", description = "only articles of this source (case ignored)")
    String source;

    @Option(names = "--dry-run", description = "count what would be replayed; write nothing")
    boolean dryRun;

    @Option(names = "--max-ahead", paramLabel = "N", defaultValue = "0",
            description = "copy at most N records ahead of enrich-service's replay group, so that articles.replay "
                    + "holds a bounded backlog; 0 = no limit (default: ${DEFAULT-VALUE})")
    long maxAhead;

    @Option(names = "--replay-group", paramLabel = "GROUP", defaultValue = "aqparat-enrich-replay",
            description = "enrich-service's consumer group on articles.replay (default: ${DEFAULT-VALUE})")
    String replayGroup;

    @Mixin
    CopyRunOptions copy;

    @Override
    public Integer call() throws Exception {
        ReplaySelection selection = selection();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CopyRun.Summary summary;
        // The summary is printed before the signal is closed: on Ctrl-C the JVM exits once it is.
        try (StopSignal stop = new StopSignal()) {
            try {
                summary = new Replayer(kafka).run(selection, dryRun, copy.rate, maxAhead, replayGroup,
                        !copy.noProgress, err, stop::requested);
            } catch (RuntimeException e) {
                throw kafka.explain(e);
            }
            return report(summary, selection, out, err);
        }
    }

    private int report(CopyRun.Summary summary, ReplaySelection selection, PrintWriter out, PrintWriter err)
            throws Exception {
        if (copy.json) {
            out.println(Json.mapper().writeValueAsString(jsonSummary(summary, selection)));
        } else {
            out.println(text(summary));
        }
        out.flush();
        if (RunProgress.FAILED.equals(summary.state())) {
            err.println("error: " + (summary.error() != null ? summary.error() : summary.firstFailure()));
            err.flush();
            return 2;
        }
        return RunProgress.DONE.equals(summary.state()) && summary.failed() == 0 ? 0 : 1;
    }

    private ReplaySelection selection() {
        try {
            Instant start = from == null ? null : TimeArgument.start(from);
            Instant end = to == null ? null : TimeArgument.end(to);
            if (start != null && end != null && !start.isBefore(end)) {
                throw new ParameterException(spec.commandLine(), "--from must be before --to");
            }
            if (copy.rate < 0) {
                throw new ParameterException(spec.commandLine(), "--rate cannot be negative");
            }
            if (maxAhead < 0) {
                throw new ParameterException(spec.commandLine(), "--max-ahead cannot be negative");
            }
            Set<String> idSet = ids == null ? null : IdsFile.read(ids);
            return new ReplaySelection(start, end, idSet, source);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static String text(CopyRun.Summary s) {
        StringBuilder text = new StringBuilder();
        text.append(s.dryRun() ? "dry run, nothing written: " : s.id() + " " + s.state() + ": ");
        text.append("read ").append(s.read()).append(" of ").append(Topics.ARTICLES_RAW.name()).append(", ");
        text.append(s.dryRun() ? "would replay " : "replayed ").append(s.written());
        text.append(", skipped ").append(s.skippedTotal());
        if (!s.skipped().isEmpty()) {
            text.append(" (").append(s.skipped().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "))).append(")");
        }
        if (s.failed() > 0) {
            text.append(", refused by Kafka ").append(s.failed()).append(" (first: ").append(s.firstFailure())
                    .append(")");
        }
        text.append(String.format(", %.1f s", s.seconds()));
        if (!s.dryRun() && s.written() > 0) {
            text.append(System.lineSeparator()).append("enrich-service re-enriches them from ")
                    .append(Topics.ARTICLES_REPLAY.name()).append("; watch its consumer lag there (./pipeline status)")
                    .append(" or this run's record in ").append(ProgressTopic.NAME).append(" (key ").append(s.id())
                    .append(")");
        }
        return text.toString();
    }

    static Map<String, Object> jsonSummary(CopyRun.Summary s, ReplaySelection selection) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.dryRun() ? null : s.id());
        json.put("dryRun", s.dryRun());
        json.put("state", s.state());
        json.put("selection", selection.describe());
        json.put("read", s.read());
        json.put("replayed", s.written());
        json.put("skipped", s.skippedTotal());
        json.put("skippedBy", s.skipped());
        json.put("failed", s.failed());
        json.put("firstFailure", s.firstFailure());
        json.put("seconds", Math.round(s.seconds() * 10) / 10.0);
        json.put("replayEndOffsets", s.targetEndOffsets().getOrDefault(Topics.ARTICLES_REPLAY.name(), Map.of()));
        return json;
    }
}
