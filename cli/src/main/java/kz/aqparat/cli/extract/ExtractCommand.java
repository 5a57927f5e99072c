package kz.aqparat.cli.extract;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.aqparat.cli.files.InputFiles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.feed.FeedItemParser;
import kz.aqparat.extraction.article.EnrichedArticles;
import kz.aqparat.extraction.ArticleExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Run the extraction engine on article files, offline (no Kafka).",
                "A .txt file is read as a feed item the way ingest-service reads text/plain (date header, inline "
                        + "heading, agency); a .json file as one article. Writes DIR/<name>.json: the enriched "
                        + "article in the public JSON shape, mention offsets into its \"text\"."})
public final class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, or directories of .txt files")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Path> files = inputFiles(paths);
        if (files.isEmpty()) {
            stderr.println("no input files in " + paths);
            return 1;
        }
        Files.createDirectories(out);
        ArticleExtractor extractor = ArticleExtractor.load();
        int failed = 0;
        for (Path file : files) {
            try {
                EnrichedArticle article = extract(extractor, file, Instant.now());
                Path target = out.resolve(outputName(file));
                Json.mapper().writerWithDefaultPrettyPrinter().writeValue(target.toFile(), article);
                stdout.printf("%s -> %s  %d entities, %d statistics, %d dates%n", file, target,
                        article.entities().size(), article.statistics().size(), article.dates().size());
            } catch (IOException | RuntimeException e) {
                failed++;
                stderr.printf("%s: %s%n", file, e.getMessage());
            }
        }
        stdout.flush();
        return failed == 0 ? 0 : 1;
    }

    /** The enriched article for one file, as enrich-service would produce it from what ingest-service accepts. */
    public static EnrichedArticle extract(ArticleExtractor extractor, Path file, Instant now) throws IOException {
        String content = readUtf8(file);
        RawArticle raw;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            raw = Json.mapper().readValue(content, RawArticle.class);
            if (raw.text() == null || raw.text().isBlank()) {
                throw new IllegalArgumentException("the article has no text");
            }
            if (raw.language() == null) {
                raw = new RawArticle(raw.id(), raw.source(), raw.url(), raw.title(), raw.author(),
                        raw.publishedAt(), "ru", raw.text(), raw.receivedAt());
            }
        } else {
            raw = FeedItemParser.parse(content).toRawArticle(null, "ru");
        }
        if (raw.id() == null) {
            raw = raw.withId(ArticleIds.of(raw.url(), raw.text()));
        }
        if (raw.receivedAt() == null) {
            raw = raw.withReceivedAt(now);
        }
        return EnrichedArticles.of(raw, extractor.extract(raw.text(), publicationDate(raw.publishedAt())),
                new Enrichment(extractor.version(), now));
    }

    static LocalDate publicationDate(String publishedAt) {
        if (publishedAt == null || publishedAt.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(publishedAt.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String readUtf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8", e);
        }
    }

    static String outputName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt")) {
            name = name.substring(0, name.length() - 4);
        } else if (lower.endsWith(".json")) {
            name = name.substring(0, name.length() - 5);
        }
        return name + ".json";
    }

    static List<Path> inputFiles(List<Path> paths) {
        return InputFiles.expand(paths, InputFiles.endingWith(".txt"));
    }
}
