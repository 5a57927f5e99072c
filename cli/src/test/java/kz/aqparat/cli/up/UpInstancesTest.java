package kz.aqparat.cli.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.LocalPipeline.Instances;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The ports of {@code ./pipeline up --instances N}, and the combinations it refuses before starting anything. */
class UpInstancesTest {

    @Test
    void instancesOfTheDefaultPortsTakeConsecutivePortsFrom8081() {
        Instances two = Instances.consecutive(LocalPipeline.Ports.DEFAULTS, 2, 2, 2);
        assertEquals(List.of(8081, 8084), two.ingest());
        assertEquals(List.of(8082, 8085), two.enrich());
        assertEquals(List.of(8083, 8086), two.store());
        assertEquals(List.of(8081, 8084, 8082, 8085, 8083, 8086), two.all());
    }

    @Test
    void eachServiceMayHaveItsOwnCount() {
        Instances mixed = Instances.consecutive(LocalPipeline.Ports.DEFAULTS, 3, 1, 2);
        assertEquals(List.of(8081, 8084, 8087), mixed.ingest());
        assertEquals(List.of(8082), mixed.enrich());
        assertEquals(List.of(8083, 8086), mixed.store());
        assertEquals("store-service-2", LocalPipeline.name(LocalPipeline.STORE, 2));
        assertEquals("store-service", LocalPipeline.name(LocalPipeline.STORE, 1));
        assertThrows(IllegalArgumentException.class, () -> Instances.consecutive(LocalPipeline.Ports.DEFAULTS,
                0, 1, 1));
    }

    @Test
    void aPortTakenTwiceIsAUsageError() {
        Run clash = up("--bootstrap", "localhost:1", "--instances", "2", "--enrich-port", "8084");
        assertEquals(2, clash.exit, clash.err);
        assertTrue(clash.err.contains("port 8084 would be used twice"), clash.err);

        // The second ingest of --ingest-port 9090 would take 9093, the local controller's port.
        Run controller = up("--instances", "2", "--ingest-port", "9090");
        assertEquals(2, controller.exit, controller.err);
        assertTrue(controller.err.contains("port 9093 would be used twice"), controller.err);

        Run none = up("--bootstrap", "localhost:1", "--store-instances", "0");
        assertEquals(2, none.exit, none.err);
        assertTrue(none.err.contains("at least one instance"), none.err);
    }

    private record Run(int exit, String err) {
    }

    private static Run up(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new UpCommand());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, err.toString());
    }
}
