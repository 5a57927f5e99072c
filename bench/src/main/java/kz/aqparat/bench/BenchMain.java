package kz.aqparat.bench;

import picocli.CommandLine;

/** {@code java -jar bench/target/bench-all.jar}, which {@code ./pipeline bench} runs. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + e.getMessage()));
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
