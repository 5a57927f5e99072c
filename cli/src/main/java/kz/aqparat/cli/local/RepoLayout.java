package kz.aqparat.cli.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are in a checkout of the repository: the runnable jars the build produces and the local working
 * directory {@code .pipeline/} (broker data, Streams state, logs) that {@code ./pipeline up} uses.
 */
public record RepoLayout(Path root) {

    public static final String HOME_ENV = "AQPARAT_HOME";

    /** The repository root: {@code $AQPARAT_HOME} (set by {@code ./pipeline}), else the nearest parent of the
     *  working directory that holds the parent pom and {@code samples/}. */
    public static RepoLayout find() {
        String home = System.getenv(HOME_ENV);
        if (home != null && !home.isBlank()) {
            return new RepoLayout(Path.of(home).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("samples"))
                    && Files.isDirectory(dir.resolve("cli"))) {
                return new RepoLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the Aqparat repository root from " + Path.of("").toAbsolutePath()
                + "; run ./pipeline from the repository or set " + HOME_ENV);
    }

    /** {@code <service>/target/<service>-all.jar}, built by {@code mvn package}. */
    public Path serviceJar(String service) {
        return root.resolve(service).resolve("target").resolve(service + "-all.jar");
    }

    /** Kafka's own jars, copied there by the {@code kafka-dist} module. */
    public Path kafkaLibs() {
        return root.resolve("kafka-dist").resolve("target").resolve("libs");
    }

    public Path samples() {
        return root.resolve("samples").resolve("articles");
    }

    /** The local working directory of {@code ./pipeline up}; git-ignored. */
    public Path workDir() {
        return root.resolve(".pipeline");
    }

    public static Path requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(what + " not found at " + file
                    + "; build it with `mvn -B -DskipTests package` (./pipeline does so when it is missing)");
        }
        return file;
    }
}
