package kz.aqparat.cli.push;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Send articles to a running pipeline (ingest-service).",
                "A .txt file is one feed item (text/plain), a .json file one article, an .ndjson file a batch.",
                "Prints id and status per article; exits with 1 if any was refused."})
public final class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8081",
            description = "ingest-service base URL (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--key", paramLabel = "KEY",
            description = "API key sent as Authorization: Bearer (default: $AQPARAT_API_KEY, else the key of "
                    + "./pipeline up in .pipeline/auth/keys)")
    String key;

    @Option(names = "--no-progress", description = "no progress bar for directories")
    boolean noProgress;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "article files, or directories of them")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = ArticlePusher.articleFiles(paths);
        if (files.isEmpty()) {
            spec.commandLine().getErr().println("no .txt, .json or .ndjson files in " + paths);
            return 1;
        }
        List<ArticlePusher.Result> results = push(new ArticlePusher(url, key()), files,
                !noProgress && System.console() != null && paths.stream().anyMatch(Files::isDirectory) && files.size() > 1);
        long failed = 0;
        for (ArticlePusher.Result r : results) {
            String where = r.line() > 0 ? r.file() + ":" + r.line() : r.file().toString();
            if (r.ok()) {
                out.printf("%s  %s  %s%n", where, r.id(), r.status());
            } else {
                failed++;
                out.printf("%s  FAILED  %s%s%n", where, r.httpStatus() > 0 ? "HTTP " + r.httpStatus() + ": " : "",
                        r.error());
            }
        }
        out.printf("%d article(s) sent, %d failed%n", results.size() - failed, failed);
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** The key given, else $AQPARAT_API_KEY, else the local pipeline's. */
    private String key() {
        return kz.aqparat.cli.local.ApiKeyFile.resolveInRepository(key).orElse(null);
    }

    private static List<ArticlePusher.Result> push(ArticlePusher pusher, List<Path> files, boolean progress) {
        List<ArticlePusher.Result> results = new ArrayList<>();
        if (!progress) {
            files.forEach(file -> results.addAll(pusher.push(file)));
            return results;
        }
        // The bar goes to stderr and the per-article lines are printed after it, so the two never interleave.
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("push").setInitialMax(files.size())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(
                        System.err)).build()) {
            for (Path file : files) {
                bar.setExtraMessage(file.getFileName().toString());
                results.addAll(pusher.push(file));
                bar.step();
            }
        }
        return results;
    }
}
