package kz.aqparat.store;

import static kz.aqparat.store.topology.Articles.article;
import static kz.aqparat.store.topology.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import kz.aqparat.contracts.DateMention;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Qualifier;
import kz.aqparat.contracts.Statistic;
import kz.aqparat.contracts.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium: a new article shows up on the open page, without a reload; the status
 * strip shows the store's consumer lag, freshness and a dead letter, refreshed from {@code /api/status}; an editor
 * picks a range and a region, opens a person's page and one of its articles, and sees what the views say. The test
 * leaves screenshots, at a laptop's and a phone's size, in {@code target/dashboard-screenshots/}.
 */
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final Dimension LAPTOP = new Dimension(1366, 800);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    /** A custom range: the tests below write articles of other months too. */
    private static final String FEBRUARY = "#range=custom&from=2026-02-01&to=2026-02-28";

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
        // The console, so that a failure shows the page's own errors (a script refused by the CSP, say).
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
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

    /** The page at {@code hash} (a range, a region, an open page), loaded anew. */
    private static void open(String hash) {
        browser.manage().window().setSize(LAPTOP);
        browser.get("about:blank");
        browser.get(store.base + "/" + hash);
    }

    /** The days on the timeline chart's axis, as ECharts draws them. */
    @SuppressWarnings("unchecked")
    private static List<String> timelineDays() {
        return (List<String>) js("const c = echarts.getInstanceByDom(document.getElementById('timeline'));"
                + "return c ? c.getOption().xAxis[0].data : [];");
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
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

        open(FEBRUARY);
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
        wait.until(b -> timelineDays().contains("2026-02-19"));
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

        open(FEBRUARY);
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

    /**
     * May 2026 (after every other test's articles, so the relative ranges end at its last day, 2026-05-20):
     * Karaganda region has an old article and two of the last week, Abai region one of the last week.
     */
    @Test
    void anEditorNarrowsToAWeekAndARegionThenReadsAPersonsPageAndOneOfItsArticles() throws Exception {
        try {
            narrowReadAndOpen();
        } catch (AssertionError | RuntimeException e) {
            screenshot("failed");
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                System.err.println("browser console: " + entry);
            }
            throw e;
        }
    }

    private void narrowReadAndOpen() throws Exception {
        browser.manage().logs().get(LogType.BROWSER);
        String oldText = "Гульнара Ахметова открыла в Темиртау цех Казахтелеком.";
        String karagandaText = "Депутат Мажилиса Гульнара Ахметова 19 мая встретилась в Темиртау с 1200 работниками "
                + "Казахтелеком.";
        String withKarinText = "Гульнара Ахметова и Ерлан Карин обсудили в Темиртау бюджет в 5 млрд тенге.";
        String abaiText = "Айгерим Сапарова посетила Семей.";
        List<EnrichedArticle> may = List.of(
                enriched("may-old", "2026-05-01", "Цех в Темиртау", oldText, List.of(
                        person("Гульнара Ахметова", List.of(), oldText),
                        located("Темиртау", "Карагандинская область", oldText),
                        organisation("Казахтелеком", oldText)), "Карагандинская область",
                        List.of(), List.of(), 1),
                enriched("may-karaganda", "2026-05-19", "Встреча с работниками", karagandaText, List.of(
                        person("Гульнара Ахметова", List.of("депутат Мажилиса"), karagandaText),
                        located("Темиртау", "Карагандинская область", karagandaText),
                        organisation("Казахтелеком", karagandaText)), "Карагандинская область",
                        List.of(statistic(karagandaText, "1200 работниками", "1200", null, "работник")),
                        List.of(date(karagandaText, "19 мая", "2026-05-19")), 2),
                enriched("may-karin", "2026-05-20", "Бюджет Темиртау", withKarinText, List.of(
                        person("Гульнара Ахметова", List.of(), withKarinText),
                        person("Ерлан Карин", List.of(), withKarinText),
                        located("Темиртау", "Карагандинская область", withKarinText)), "Карагандинская область",
                        List.of(statistic(withKarinText, "5 млрд тенге", "5000000000", "KZT", "тенге")),
                        List.of(), 3),
                enriched("may-abai", "2026-05-15", "Визит в Семей", abaiText, List.of(
                        person("Айгерим Сапарова", List.of(), abaiText),
                        located("Семей", "Абайская область", abaiText)), "Абайская область",
                        List.of(), List.of(), 4));
        store.produce(may);
        RunningStore.await(Duration.ofSeconds(60), "the May articles stored",
                () -> may.stream().allMatch(a -> store.get("/api/articles/" + a.id()).statusCode() == 200));

        open("#range=all");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.withMessage(() -> "the page shows: " + browser.findElement(By.tagName("body")).getText());
        wait.until(b -> row("persons", "Гульнара Ахметова").contains("3 art."));
        wait.until(b -> timelineDays().contains("2026-05-01"));

        // The last 7 days: the article of 1 May drops out of every panel.
        browser.findElement(By.cssSelector("#range button[data-range='7d']")).click();
        wait.until(b -> text("range-days").equals("2026-05-14 – 2026-05-20"));
        wait.until(b -> row("persons", "Гульнара Ахметова").contains("2 art."));
        wait.until(b -> !timelineDays().contains("2026-05-01") && timelineDays().contains("2026-05-15"));
        assertTrue(text("persons").contains("Айгерим Сапарова"), text("persons"));
        wait.until(b -> mapCount("Карагандинская область") == 2 && mapCount("Абайская область") == 1);
        screenshot("1-week");

        // Karaganda region on the map: Abai's person and article go, the region's statements and trend show.
        browser.findElement(By.cssSelector("#map .region[data-region='Карагандинская область']")).click();
        wait.until(b -> text("region-filter").contains("Карагандинская область"));
        wait.until(b -> !text("persons").contains("Айгерим Сапарова") && text("persons").contains("Ерлан Карин"));
        wait.until(b -> !timelineDays().contains("2026-05-15") && timelineDays().contains("2026-05-19"));
        wait.until(b -> text("timeline-summary").startsWith("2 articles"));
        wait.until(b -> text("articles").contains("Встреча с работниками") && text("articles").contains("Бюджет Темиртау")
                && !text("articles").contains("Визит в Семей") && !text("articles").contains("Цех в Темиртау"));
        wait.until(b -> row("statistics", "работник").contains("1 200") && row("statistics", "тенге").contains("KZT"));
        wait.until(b -> row("trending", "Гульнара Ахметова").contains("2 ← 0"));
        assertTrue(browser.findElement(By.cssSelector("#map .region[data-region='Карагандинская область']"))
                .getAttribute("class").contains("selected"), "the chosen region is marked on the map");
        screenshot("2-week-karaganda");

        // Live, under the filters: an article of the region shows up, one of another region does not.
        String liveText = "Ерлан Карин открыл в Темиртау новый цех.";
        String elsewhereText = "Айгерим Сапарова открыла библиотеку в городе Семей.";
        store.produce(List.of(
                enriched("may-live", "2026-05-20", "Новый цех в Темиртау", liveText, List.of(
                        person("Ерлан Карин", List.of(), liveText),
                        located("Темиртау", "Карагандинская область", liveText)), "Карагандинская область",
                        List.of(), List.of(), 5),
                enriched("may-elsewhere", "2026-05-20", "Библиотека в Семее", elsewhereText, List.of(
                        person("Айгерим Сапарова", List.of(), elsewhereText),
                        located("Семей", "Абайская область", elsewhereText)), "Абайская область",
                        List.of(), List.of(), 6)));
        wait.until(b -> text("articles").contains("Новый цех в Темиртау"));
        wait.until(b -> row("persons", "Ерлан Карин").contains("2 art.") && mapCount("Карагандинская область") == 3
                && mapCount("Абайская область") == 2);
        assertFalse(text("articles").contains("Библиотека в Семее"), text("articles"));
        assertFalse(text("persons").contains("Айгерим Сапарова"), text("persons"));

        // Her page: this week's articles in the region's range, her role, who she appears with.
        browser.findElement(By.cssSelector("#persons a[data-entity='PERSON:Гульнара Ахметова']")).click();
        wait.until(b -> text("entity-name").equals("Гульнара Ахметова"));
        wait.until(b -> text("entity-counts").contains("2 articles"));
        String page = text("detail-body");
        assertTrue(page.contains("депутат Мажилиса"), page);
        assertTrue(text("entity-related").contains("Ерлан Карин") && text("entity-related").contains("Казахтелеком"),
                page);
        assertTrue(text("entity-articles").contains("Встреча с работниками"), page);
        assertFalse(text("entity-articles").contains("Цех в Темиртау"), "the article of 1 May is outside the week");
        screenshot("3-person-page");

        // One of her articles: its text, with the person, the place, the date and the number marked.
        browser.findElement(By.cssSelector("#entity-articles a[data-article='may-karaganda']")).click();
        wait.until(b -> text("article-title").equals("Встреча с работниками"));
        assertEquals(karagandaText, text("article-text"));
        assertEquals(List.of("Гульнара Ахметова"), marks("PERSON"));
        assertEquals(List.of("Темиртау"), marks("LOCATION"));
        assertEquals(List.of("Казахтелеком"), marks("ORGANIZATION"));
        assertEquals(List.of("19 мая"), marks("date"));
        assertEquals(List.of("1200 работниками"), marks("statistic"));
        screenshot("4-article");

        // Back leads to her page, closing it to the filtered dashboard, as on a phone.
        browser.navigate().back();
        wait.until(b -> text("entity-name").equals("Гульнара Ахметова"));
        browser.findElement(By.id("detail-close")).click();
        wait.until(b -> !browser.findElement(By.id("detail")).isDisplayed());
        browser.manage().window().setSize(PHONE);
        wait.until(b -> (Long) js("return document.documentElement.scrollWidth;") <= 390);
        screenshot("5-phone-week-karaganda");
        browser.findElement(By.cssSelector("#articles a[data-article='may-karin']")).click();
        wait.until(b -> text("article-title").equals("Бюджет Темиртау"));
        assertEquals(List.of("Гульнара Ахметова", "Ерлан Карин"), marks("PERSON"));
        assertEquals(List.of("5 млрд тенге"), marks("statistic"));
        assertTrue((Long) js("return document.documentElement.scrollWidth;") <= 390, "no sideways scrolling");
        screenshot("6-phone-article");
        // Nothing refused by the Content-Security-Policy, no script error, no failed request.
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString).toList();
        assertEquals(List.of(), errors, "the browser console");
    }

    @Test
    void theArticleListShowsMoreThanAPageOnRequestAndFollowsACustomRange() {
        String text = "В Актау открыли новую школу.";
        List<EnrichedArticle> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            many.add(enriched("mangystau-" + i, "2026-04-" + (10 + i % 5), "Школа № " + i, text,
                    List.of(located("Актау", "Мангистауская область", text)), "Мангистауская область", List.of(),
                    List.of(), 100 + i));
        }
        store.produce(many);
        RunningStore.await(Duration.ofSeconds(60), "the Mangystau articles stored",
                () -> store.get("/api/articles/mangystau-23").statusCode() == 200);

        open("#range=all&region=" + java.net.URLEncoder.encode("Мангистауская область", StandardCharsets.UTF_8));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.withMessage(() -> "the article list shows: " + text("articles"));
        wait.until(b -> articles().size() == 20 && browser.findElement(By.id("more")).isDisplayed());
        // Newest publication day first: the five days 2026-04-10..14 hold 4 or 5 articles each.
        assertTrue(articles().get(0).contains("2026-04-14"), articles().get(0));
        browser.findElement(By.id("more")).click();
        wait.until(b -> articles().size() == 23 && !browser.findElement(By.id("more")).isDisplayed());
        assertTrue(articles().get(22).contains("2026-04-10"), articles().get(22));

        // A custom range of one day: its four articles (i = 4, 9, 14, 19), no further page.
        browser.findElement(By.cssSelector("#range button[data-range='custom']")).click();
        wait.until(b -> browser.findElement(By.id("custom-from")).isDisplayed());
        // The date picker's own widget is the browser's; its value is what the page reads.
        js("document.getElementById('custom-from').value = '2026-04-14';"
                + "document.getElementById('custom-to').value = '2026-04-14';");
        browser.findElement(By.id("custom-apply")).click();
        wait.until(b -> text("range-days").equals("2026-04-14 – 2026-04-14") && articles().size() == 4
                && !browser.findElement(By.id("more")).isDisplayed());
        assertTrue(articles().stream().allMatch(a -> a.contains("2026-04-14")), articles().toString());
        assertTrue(browser.getCurrentUrl().contains("range=custom&from=2026-04-14&to=2026-04-14"),
                "the range is in the link: " + browser.getCurrentUrl());
    }

    private static List<String> articles() {
        return texts("#articles li");
    }

    /** The visible text of each element that {@code selector} finds, read at one instant (rows are redrawn). */
    @SuppressWarnings("unchecked")
    private static List<String> texts(String selector) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText"
                + ".replace(/[\\u00a0\\u202f]/g, ' '));",
                selector);
    }

    /** The text of the row of panel {@code id} that names {@code name}, or "" if none does. */
    private static String row(String id, String name) {
        return texts("#" + id + " tr").stream().filter(t -> t.contains(name)).findFirst().orElse("");
    }

    private static long mapCount(String region) {
        String count = browser.findElement(By.cssSelector("#map .region[data-region='" + region + "']"))
                .getAttribute("data-count");
        return Long.parseLong(count);
    }

    /** The highlighted spans of the open article of one kind, in text order. */
    private static List<String> marks(String kind) {
        return texts("#article-text mark." + kind);
    }

    /** The visible part of the page, and the whole page (the window stretched to its height), for review. */
    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Dimension size = browser.manage().window().getSize();
        String label = (size.width <= PHONE.width ? "phone-" : "laptop-") + name;
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOTS.resolve(label + ".png"), StandardCopyOption.REPLACE_EXISTING);
        long height = (Long) js("const sheet = document.querySelector('#detail .sheet');"
                + "return Math.max(document.documentElement.scrollHeight,"
                + " document.getElementById('detail').hidden ? 0 : sheet.scrollHeight);");
        long width = (Long) js("return window.innerWidth;");
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", Math.min(height, 6000), "deviceScaleFactor", 1, "mobile", false));
        try {
            Thread.sleep(300);
            Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Files.write(SCREENSHOTS.resolve(label + "-full.png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static EnrichedArticle enriched(String id, String day, String title, String text, List<Entity> entities,
                                            String region, List<Statistic> statistics, List<DateMention> dates,
                                            int minute) {
        return new EnrichedArticle(id, "Kazinform", null, title, day + "T09:00:00+05:00", "ru", text,
                Instant.parse("2026-05-20T10:00:00Z").plusSeconds(60L * minute), entities, List.of(region),
                statistics, dates, new Enrichment("v1", T));
    }

    private static Entity person(String name, List<String> roles, String text) {
        Entity found = entity(EntityType.PERSON, name, null, text, 1);
        return new Entity(EntityType.PERSON, name, roles, null, found.mentions());
    }

    private static Entity organisation(String name, String text) {
        return entity(EntityType.ORGANIZATION, name, null, text, 1);
    }

    private static Entity located(String name, String region, String text) {
        return entity(EntityType.LOCATION, name, region, text, 1);
    }

    private static Statistic statistic(String text, String span, String value, String currency, String unit) {
        int start = text.indexOf(span);
        return new Statistic(new BigDecimal(value), null, Qualifier.EXACT, unit, currency, span, start,
                start + span.length());
    }

    private static DateMention date(String text, String span, String iso) {
        int start = text.indexOf(span);
        return new DateMention(iso, DateMention.MENTIONED, span, start, start + span.length());
    }
}
