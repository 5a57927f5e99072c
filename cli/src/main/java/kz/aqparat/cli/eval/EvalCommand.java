package kz.aqparat.cli.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.Json;
import kz.aqparat.extraction.eval.FactRuEval;
import kz.aqparat.extraction.eval.StatisticsEval;
import kz.aqparat.extraction.statistics.StatisticExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score the extraction engine on the factRuEval-2016 devset: token-level precision, recall and "
                + "F1 per type (PER, LOC, ORG) and micro-averaged, the way naeval scores, with the F1 of each fold "
                + "of a " + FactRuEval.FOLDS + "-fold split of the documents; then statistics precision and recall "
                + "on the hand-labelled devset texts of datasets/statistics-gold/ (development and held-out sets).",
            "Exit codes: 0 scored, 1 no devset."})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR",
            description = "devset directory of book_N.txt + book_N.json (default: datasets/factru-devset)")
    Path dir;

    @Option(names = "--statistics-gold", paramLabel = "FILE",
            description = "statistics labels (default: datasets/statistics-gold/factru-devset.json; skipped if absent)")
    Path statisticsGold;

    @Option(names = "--json", description = "print the scores as one JSON object instead of tables")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path datasets = RepoLayout.find().root().resolve("datasets");
        Path devset = dir != null ? dir : datasets.resolve("factru-devset");
        if (!Files.isDirectory(devset)) {
            spec.commandLine().getErr().println("no devset at " + devset);
            return 1;
        }
        Path gold = statisticsGold != null ? statisticsGold
                : datasets.resolve("statistics-gold").resolve("factru-devset.json");
        FactRuEval.Scores entities = FactRuEval.evaluate(devset);
        List<StatisticsEval.Scores> statistics = Files.isRegularFile(gold)
                ? StatisticsEval.evaluate(devset, gold, StatisticExtractor.load()) : List.of();
        if (json) {
            spec.commandLine().getOut().println(Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(asJson(entities, statistics)));
        } else {
            spec.commandLine().getOut().print(entities.table());
            if (!statistics.isEmpty()) {
                spec.commandLine().getOut().println();
                spec.commandLine().getOut().print(StatisticsEval.table(statistics));
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static ObjectNode asJson(FactRuEval.Scores entities, List<StatisticsEval.Scores> statistics) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("documents", entities.documents());
        root.set("entities", types(entities.byType()));
        root.set("micro", score(entities.micro()));
        ArrayNode folds = root.putArray("folds");
        entities.folds().forEach(f -> folds.add(types(f)));
        ArrayNode stats = root.putArray("statistics");
        for (StatisticsEval.Scores s : statistics) {
            stats.addObject().put("set", s.set()).put("documents", s.documents()).put("labelled", s.labelled())
                    .put("found", s.found()).put("right", s.right()).put("precision", s.precision())
                    .put("recall", s.recall()).put("f1", s.f1()).put("kindAccuracy", s.kindAccuracy());
        }
        return root;
    }

    private static ObjectNode types(Map<FactRuEval.Type, FactRuEval.Score> byType) {
        ObjectNode node = Json.mapper().createObjectNode();
        byType.forEach((t, s) -> node.set(t.name(), score(s)));
        return node;
    }

    private static ObjectNode score(FactRuEval.Score s) {
        return Json.mapper().createObjectNode().put("precision", s.precision()).put("recall", s.recall())
                .put("f1", s.f1()).put("tp", s.truePositives()).put("fp", s.falsePositives())
                .put("fn", s.falseNegatives());
    }
}
