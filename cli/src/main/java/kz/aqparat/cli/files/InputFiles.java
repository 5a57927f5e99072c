package kz.aqparat.cli.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The files an operator names on the command line: each file itself, or the matching files under a directory. */
public final class InputFiles {

    private InputFiles() {
    }

    /** Each named file as it is; under a directory, the files {@code wanted} accepts, in name order. */
    public static List<Path> expand(List<Path> paths, Predicate<Path> wanted) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(wanted).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("no such file or directory: " + path);
            }
        }
        return files;
    }

    /** A predicate on the file name's ending, ignoring case. */
    public static Predicate<Path> endingWith(String... suffixes) {
        return file -> {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (String suffix : suffixes) {
                if (name.endsWith(suffix)) {
                    return true;
                }
            }
            return false;
        };
    }
}
