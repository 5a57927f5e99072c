package kz.aqparat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kz.aqparat.cli.local.RepoLayout;
import org.junit.jupiter.api.Test;

/** {@code ./pipeline bench} runs this module's jar with its arguments and exits with its exit code. */
class BenchLauncherIT {

    private static Process pipeline(String... args) throws Exception {
        Path root = RepoLayout.find().root();
        String java = ProcessHandle.current().info().command().orElse("java");
        String[] command = new String[args.length + 3];
        command[0] = java;
        command[1] = "-jar";
        command[2] = root.resolve("cli/target/cli-all.jar").toString();
        System.arraycopy(args, 0, command, 3, args.length);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void theCliRunsTheHarnessWithItsArgumentsAndItsExitCode() throws Exception {
        Process help = pipeline("bench", "--help");
        String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(help.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue(), usage);
        assertTrue(usage.contains("Usage: bench") && usage.contains("--rate"), usage);

        Process wrong = pipeline("bench", "--no-such-option");
        String error = new String(wrong.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(wrong.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, wrong.exitValue(), "picocli's exit code for a bad option: " + error);
        assertTrue(error.contains("--no-such-option"), error);
    }
}
