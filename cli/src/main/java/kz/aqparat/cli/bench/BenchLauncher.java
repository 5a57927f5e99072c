package kz.aqparat.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kz.aqparat.cli.local.RepoLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./pipeline bench}: runs the load harness of the {@code bench} module ({@code bench/target/bench-all.jar})
 * with the same arguments, in a JVM of its own, and exits with its exit code. The harness lives in its own module
 * because it is a measuring tool, not operator tooling; it uses this module's local stack.
 */
@Command(name = "bench", description = "Load-test the pipeline end to end (the bench module; `bench --help`, "
        + "docs/bench.md).")
public final class BenchLauncher implements Callable<Integer> {

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path jar = RepoLayout.find().root().resolve("bench/target/bench-all.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with `mvn -DskipTests package` (./pipeline"
                    + " does so when it is out of date)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
