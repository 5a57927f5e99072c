package kz.aqparat.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Benchmark input: the repository's sample articles (packed into the jar), cut into articles of a given size. */
final class Articles {

    private Articles() {
    }

    /** The sample texts, in file-name order. */
    static List<String> samples() {
        URL url = Articles.class.getClassLoader().getResource("samples");
        if (url == null) {
            throw new IllegalStateException("no samples/ on the classpath");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath("/samples"));
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        return texts;
    }

    /**
     * Articles of about {@code chars} characters: the samples one after the other, cut at the first sentence end
     * past that length. Each sample's text also starts a new article, so that the headers are kept.
     */
    static List<String> ofLength(int chars) {
        List<String> articles = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<String> samples = samples();
        // twice round the samples, the second time shifted, so that the set is not just the samples' heads
        for (int round = 0; round < 2; round++) {
            for (String sample : samples) {
                String text = round == 0 ? sample : sample.substring(sample.length() / 3);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    current.append(c);
                    if (current.length() >= chars && (c == '.' || c == '!' || c == '?' || c == '\n')) {
                        articles.add(current.toString());
                        current.setLength(0);
                    }
                }
                current.append("\n\n");
            }
        }
        if (current.length() > chars / 2) {
            articles.add(current.toString());
        }
        return articles;
    }
}
