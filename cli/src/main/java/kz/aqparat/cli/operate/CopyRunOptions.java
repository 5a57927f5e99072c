package kz.aqparat.cli.operate;

import picocli.CommandLine.Option;

/** The options of the commands that copy records back through the pipeline: {@code replay}, {@code dlq redrive}. */
public final class CopyRunOptions {

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "at most N records a second (default: full speed)")
    public double rate;

    @Option(names = "--json", description = "print the summary as JSON on stdout")
    public boolean json;

    @Option(names = "--no-progress", description = "no progress bar or progress lines")
    public boolean noProgress;
}
