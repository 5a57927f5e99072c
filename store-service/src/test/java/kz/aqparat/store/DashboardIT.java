package kz.aqparat.store;

import static kz.aqparat.store.topology.Articles.article;
import static kz.aqparat.store.topology.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium: a new article shows up on the open page, without a reload; the status
 * strip shows the store's consumer lag, freshness and a dead letter, refreshed from {@code /api/status}.
 */
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static RunningStore store;
    private static WebDriver browser;

    @BeforeAll
    static void start(@TempDir Path profile) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        store = new RunningStore();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (store != null) {
            store.close();
        }
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void showsANewArticleLiveWithoutReloading() {
        String firstText = "Аида Балаева встретилась с работниками Qarmet в Темиртау.";
        store.produce(List.of(article("dash-1", "2026-02-18", firstText, List.of(
                entity(EntityType.PERSON, "Аида Балаева", null, firstText, 1),
                entity(EntityType.ORGANIZATION, "Qarmet", null, firstText, 1),
                entity(EntityType.LOCATION, "Темиртау", "Карагандинская область", firstText, 1)),
                List.of("Карагандинская область"), "v1", T)));
        RunningStore.await(Duration.ofSeconds(60), "the first article stored",
                () -> store.get("/api/articles/dash-1").statusCode() == 200);

        browser.get(store.base.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.withMessage(() -> "the page shows: " + browser.findElement(By.tagName("body")).getText());
        wait.until(b -> text("persons").contains("Аида Балаева") && text("status").equals("live"));
        wait.until(b -> text("regions").contains("Карагандинская область"));
        // Neither a page reload nor a reconnection (which loads everything again) may be what shows the change.
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;"
                + "events.addEventListener('open', () => { window.reconnected = true; });");

        String secondText = "Динара Жаксыбекова посетила Семей, где обсудила работу Qarmet.";
        EnrichedArticle second = article("dash-2", "2026-02-19", secondText, List.of(
                entity(EntityType.PERSON, "Динара Жаксыбекова", null, secondText, 1),
                entity(EntityType.ORGANIZATION, "Qarmet", null, secondText, 1),
                entity(EntityType.LOCATION, "Семей", "Абайская область", secondText, 1)),
                List.of("Абайская область"), "v1", T);
        store.produce(List.of(second));

        wait.until(b -> text("persons").contains("Динара Жаксыбекова"));
        wait.until(b -> text("regions").contains("Абайская область"));
        wait.until(b -> text("timeline").contains("2026-02-19"));
        wait.until(b -> text("articles").contains(second.title()) && text("articles").contains("Динара Жаксыбекова"));
        wait.until(b -> text("organizations").contains("Qarmet 2 art."));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage;"),
                "the page was reloaded");
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.reconnected;"),
                "the page reconnected to /api/stream");
    }

    @Test
    void anArticleSentWithoutATitleIsListedUnderTheTitleDerivedFromItsText() {
        String text = "Аким Павлодара открыл новую школу. В ней будут учиться 1200 детей.";
        EnrichedArticle untitled = article("dash-untitled", "2026-02-20", text, List.of(
                entity(EntityType.LOCATION, "Павлодар", "Павлодарская область", text, 1)),
                List.of("Павлодарская область"), "v1", T).withDerivedTitle("Аким Павлодара открыл новую школу");
        store.produce(List.of(untitled));
        RunningStore.await(Duration.ofSeconds(60), "the untitled article stored",
                () -> store.get("/api/articles/dash-untitled").statusCode() == 200);

        browser.get(store.base.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.withMessage(() -> "the article list shows: " + text("articles"));
        wait.until(b -> text("articles").contains("Аким Павлодара открыл новую школу"));
        String tooltip = browser.findElement(By.xpath("//*[@id='articles']//*[text()='Аким Павлодара открыл новую "
                + "школу']")).getAttribute("title");
        assertEquals("title derived from the article's text", tooltip);
    }

    @Test
    void theStatusStripShowsLagFreshnessAndDeadLetters() {
        browser.get(store.base.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.withMessage(() -> "the status strip shows: " + text("pipeline"));
        wait.until(b -> text("pipeline-lag").matches("lag: .*" + store.applicationId + " \\d+.*"));
        // A record store-service cannot read goes to articles.dlq; a raw record waits for an enrich-service.
        store.produceBytes("not-an-article", "{not json".getBytes(StandardCharsets.UTF_8));
        store.produceBytes(Topics.ARTICLES_RAW.name(), "raw-1", "{}".getBytes(StandardCharsets.UTF_8));
        wait.until(b -> text("pipeline-dlq").startsWith("dead letters: 1 last hour, 1 last day (store."));
        wait.until(b -> text("pipeline-freshness").matches("newest raw: \\d+ s ago, newest stored: .*"));
        wait.until(b -> text("pipeline-lag").matches("lag: .*" + store.applicationId + " 0.*"));
    }
}
