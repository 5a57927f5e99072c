package kz.aqparat.cli.dlq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import kz.aqparat.cli.operate.IdsFile;
import kz.aqparat.cli.operate.KafkaOptions;
import kz.aqparat.cli.operate.TimeArgument;
import kz.aqparat.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Dead letters grouped by stage, error class and the start of the message: count, first and "
                + "last time, example ids with their position (for dlq show).", "Exit code: 0 (also when there are "
                + "none), 2 error."})
public final class DlqListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--stage", paramLabel = "STAGE",
            description = "only this stage and the stages below it (enrich: enrich.validate, enrich.extract, ...)")
    String stage;

    @Option(names = "--since", paramLabel = "TIME", description = "only dead letters written at or after TIME")
    String since;

    @Option(names = "--ids", paramLabel = "FILE", description = "only these article ids, one a line ('-': stdin)")
    Path ids;

    @Option(names = "--json", description = "print the groups as JSON on stdout")
    boolean json;

    @Option(names = "--no-progress", description = "no progress bar or progress lines")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        DlqFilter filter = filter(spec, stage, since, ids);
        DlqGroups groups = new DlqGroups();
        try {
            DlqScan.forEach(kafka, filter.since(), !noProgress, spec.commandLine().getErr(), dead -> {
                if (filter.reject(dead) == null) {
                    groups.add(dead);
                }
            });
        } catch (RuntimeException e) {
            throw kafka.explain(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("selection", filter.describe());
            body.put("total", groups.total());
            body.put("groups", groups.groups());
            out.println(Json.mapper().writeValueAsString(body));
        } else {
            print(out, groups);
        }
        out.flush();
        return 0;
    }

    static DlqFilter filter(CommandSpec spec, String stage, String since, Path ids) {
        try {
            Instant from = since == null ? null : TimeArgument.start(since);
            return new DlqFilter(stage, from, ids == null ? null : IdsFile.read(ids));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void print(PrintWriter out, DlqGroups groups) {
        List<DlqGroups.Group> all = groups.groups();
        if (all.isEmpty()) {
            out.println("no dead letters");
            return;
        }
        out.printf("%-20s %-32s %7s  %-24s %-24s  %s%n", "STAGE", "ERROR", "COUNT", "FIRST", "LAST", "EXAMPLES");
        for (DlqGroups.Group g : all) {
            out.printf("%-20s %-32s %7d  %-24s %-24s  %s%n", g.stage(), simpleName(g.errorClass()), g.count(),
                    g.first(), g.last(), g.examples().stream().map(e -> e.id() + " (" + e.position() + ")")
                            .collect(Collectors.joining(", ")));
            if (!g.message().isEmpty()) {
                out.printf("    %s%n", g.message());
            }
        }
        out.printf("%d dead letter(s) in %d group(s); ./pipeline dlq show PARTITION:OFFSET for one%n", groups.total(),
                all.size());
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
