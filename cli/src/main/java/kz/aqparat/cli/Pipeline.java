package kz.aqparat.cli;

import kz.aqparat.cli.eval.EvalCommand;
import kz.aqparat.cli.extract.ExtractCommand;
import kz.aqparat.cli.push.PushCommand;
import kz.aqparat.cli.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./pipeline}: the operators' one command. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, version = "Aqparat 0.1.0",
        description = "Aqparat news pipeline: run it locally, push articles, extract entities offline, replay and "
                + "repair it.",
        subcommands = {UpCommand.class, PushCommand.class, ExtractCommand.class, EvalCommand.class,
                kz.aqparat.cli.bench.BenchLauncher.class, kz.aqparat.cli.chaos.ChaosCommand.class,
                kz.aqparat.cli.status.StatusCommand.class,
                kz.aqparat.cli.replay.ReplayCommand.class, kz.aqparat.cli.dlq.DlqCommand.class,
                CommandLine.HelpCommand.class})
public final class Pipeline implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Pipeline());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + e.getMessage()));
            return 2;
        });
        int code = cli.execute(args);
        System.exit(code);
    }
}
