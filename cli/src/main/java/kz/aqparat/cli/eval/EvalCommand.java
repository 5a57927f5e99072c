package kz.aqparat.cli.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.extraction.eval.FactRuEval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the entity extractor on the factRuEval-2016 devset: token-level precision, recall and "
                + "F1 per type (PER, LOC, ORG) and micro-averaged, the way naeval scores.")
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR",
            description = "devset directory of book_N.txt + book_N.json (default: datasets/factru-devset)")
    Path dir;

    @Override
    public Integer call() {
        Path devset = dir != null ? dir : RepoLayout.find().root().resolve("datasets").resolve("factru-devset");
        if (!Files.isDirectory(devset)) {
            spec.commandLine().getErr().println("no devset at " + devset);
            return 1;
        }
        spec.commandLine().getOut().print(FactRuEval.evaluate(devset).table());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
