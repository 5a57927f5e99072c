package kz.aqparat.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The operator key of a local pipeline, {@code <work dir>/auth/keys} ({@code operator:<key>}, readable by its owner
 * only): created by {@code ./pipeline up} on first start, passed to the services as {@code AQPARAT_AUTH_KEY_FILE},
 * and read by {@code ./pipeline push} when no key is given. Also holds the store instances' cluster secret.
 */
public final class ApiKeyFile {

    public static final String KEY_ENV = "AQPARAT_API_KEY";

    private final Path keys;
    private final Path clusterSecret;

    private ApiKeyFile(Path workDir) {
        this.keys = workDir.resolve("auth").resolve("keys");
        this.clusterSecret = workDir.resolve("auth").resolve("cluster-secret");
    }

    public static ApiKeyFile in(Path workDir) {
        return new ApiKeyFile(workDir);
    }

    /** The file to give the services; created with a new random operator key if missing. */
    public Path ensure() {
        if (!Files.exists(keys)) {
            write(keys, "# created by ./pipeline up; role:key per line (docs/security.md)\noperator:" + random() + "\n");
        }
        if (!Files.exists(clusterSecret)) {
            write(clusterSecret, random() + "\n");
        }
        return keys;
    }

    /** The environment that gives a service these keys and the store instances' secret; creates them if missing. */
    public java.util.Map<String, String> serviceEnv() {
        ensure();
        return java.util.Map.of("AQPARAT_AUTH_KEY_FILE", keys.toAbsolutePath().toString(),
                "AQPARAT_CLUSTER_SECRET", clusterSecret());
    }

    /** The operator key, creating the file first if needed. */
    public String requireOperatorKey() {
        ensure();
        return operatorKey().orElseThrow(() -> new IllegalStateException("no operator: line in " + keys));
    }

    public Path path() {
        return keys;
    }

    /** The operator key in the file, if the file exists. */
    public Optional<String> operatorKey() {
        if (!Files.exists(keys)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(keys, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> line.startsWith("operator:")).map(line -> line.substring("operator:".length()))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String clusterSecret() {
        try {
            return Files.readString(clusterSecret, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key a command uses: the one given, else {@code AQPARAT_API_KEY}, else the local pipeline's. */
    public static Optional<String> resolve(String given, Path workDir) {
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        String env = System.getenv(KEY_ENV);
        if (env != null && !env.isBlank()) {
            return Optional.of(env.strip());
        }
        return in(workDir).operatorKey();
    }

    /** {@link #resolve} with the work dir of the repository the command runs in ({@code .pipeline} outside one). */
    public static Optional<String> resolveInRepository(String given) {
        Path workDir;
        try {
            workDir = RepoLayout.find().workDir();
        } catch (IllegalStateException e) {
            workDir = Path.of(".pipeline");
        }
        return resolve(given, workDir);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file stays with the default permissions
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
