package dev.sonority.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.search.InferenceStub;
import dev.sonority.api.search.SearchLibrary;
import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.task.TaskProgress;
import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskTransitions;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in a real browser (Debian's headless Chromium through chromedriver) against the running API on a
 * generated analysed library: every page loads without console errors or failed requests, search, song page,
 * a song title that is HTML, and a task's live progress. Screenshots of every page at desktop and phone sizes go
 * to {@code target/ui-screenshots/}, and the dashboard's first paint is printed (reported, not asserted).
 */
class WebUiIT extends ApiIntegrationTest {

    static final Path SCREENSHOTS = Path.of("target/ui-screenshots");
    static final String XSS = "<img src=x onerror=alert(1)>";
    static final String XSS_PATH = "Odd/Names/01 xss.flac";
    static final String TAGGED = "Gen/Album 0/00 Song 0.flac";
    static final int SONGS = 40;
    static final String FAILURE = "ffmpeg: Invalid data found when processing input";
    static final InferenceStub INFERENCE = new InferenceStub();

    static ChromeDriver browser;

    @DynamicPropertySource
    static void inference(DynamicPropertyRegistry registry) {
        registry.add("sonority.search.inference-url", INFERENCE::url);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    TaskTransitions transitions;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start("WebUiIT");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void library() {
        reset();
        SearchLibrary library = SearchLibrary.of(jdbc, context);
        Random random = new Random(15);
        String[] genres = {"Jazz", "Rock", "Ambient", "Electronic"};
        for (int i = 0; i < SONGS; i++) {
            String path = "Gen/Album " + i / 10 + "/" + String.format("%02d", i) + " Song " + i + ".flac";
            library.song(path, "Song " + i, "Artist " + i % 7, "Album " + i / 10, genres[i % genres.length]);
            vectors(library, path, random);
            library.descriptors(path, 80 + i * 2, i % 2 == 0 ? "A" : "C", i % 3 == 0 ? "minor" : "major", -20 + i / 4.0);
        }
        library.song(XSS_PATH, XSS, XSS, XSS, XSS);
        vectors(library, XSS_PATH, random);
        long tagged = library.ids.get(TAGGED);
        float[] tags = new float[50];
        tags[0] = 0.9f; // rock
        tags[9] = 0.6f; // jazz
        musicnn(tagged, "tags", tags);
        musicnn(tagged, "moods", new float[] {0.8f, 0.1f, 0.7f, 0.2f, 0.3f, 0.05f});
        jdbc.sql("INSERT INTO song_analysis (song_id, model, status, attempts) SELECT id, 'muq', 'COMPLETED', 1 FROM song")
                .update();
        jdbc.sql("INSERT INTO song_analysis (song_id, model, status, attempts) VALUES (:id, 'musicnn', 'COMPLETED', 1)")
                .param("id", tagged).update();
        jdbc.sql("INSERT INTO song_analysis (song_id, model, status, error_reason, attempts) VALUES (:id,"
                + " 'acoustic_features', 'FAILED', :reason, 3)").param("id", library.ids.get(XSS_PATH))
                .param("reason", FAILURE).update();
        library.refresh("text_minilm", "muq");
        INFERENCE.embeddings.put("text_minilm:calm piano", new float[] {1, 0, 0});
        Http.Response playlist = http().post("/api/v1/playlists", "{\"name\": \"Evening\", \"songs\": [\"" + TAGGED
                + "\", \"" + XSS_PATH + "\"]}", "application/json");
        assertThat(playlist.status()).as(playlist.body()).isEqualTo(201);
    }

    private static void vectors(SearchLibrary library, String path, Random random) {
        library.vector(path, "text_minilm", random.nextFloat(), random.nextFloat(), random.nextFloat());
        library.vector(path, "muq", random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat());
    }

    private void musicnn(long songId, String kind, float[] values) {
        jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id, 'musicnn', :kind,"
                + " :dim, :data, 'test')").param("id", songId).param("kind", kind).param("dim", values.length)
                .param("data", VectorCodec.encode(values)).update();
    }

    @Test
    void everyPageLoadsWithoutErrorsAtDesktopAndPhoneSizes() throws IOException {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("dashboard", "dashboard");
        pages.put("library", "library");
        pages.put("library-search", "library/?q=" + query("calm piano"));
        pages.put("song", "song/" + query(TAGGED));
        pages.put("song-xss", "song/" + query(XSS_PATH));
        pages.put("path", "path/?from=" + query(TAGGED) + "&to=" + query("Gen/Album 3/39 Song 39.flac") + "&steps=6");
        pages.put("alchemy", "alchemy");
        pages.put("playlists", "playlists");
        open("dashboard");
        browser.executeScript("console.error('WebUiIT probe')"); // the console check below does see errors
        assertThat(severeConsoleEntries()).anyMatch(message -> message.contains("WebUiIT probe"));
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
            viewport(size);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                open(page.getValue());
                assertThat(browser.findElement(By.cssSelector("main h1")).getText()).as(page.getKey()).isNotBlank();
                assertThat(main().getText()).as(page.getKey()).doesNotContain("Loading…");
                assertThat(main().findElements(By.cssSelector(".error"))).as(page.getKey()).isEmpty();
                Files.write(SCREENSHOTS.resolve(page.getKey() + "-" + size.width + "x" + size.height + ".png"),
                        browser.getScreenshotAs(OutputType.BYTES));
                assertThat(severeConsoleEntries()).as(page.getKey() + " at " + size).isEmpty();
            }
        }
        // dark mode follows the system's colour scheme
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        for (String page : List.of("dashboard", "song")) {
            open(pages.get(page));
            assertThat(browser.executeScript("return getComputedStyle(document.body).backgroundColor"))
                    .as(page + " in dark mode").isEqualTo("rgb(18, 19, 22)");
            Files.write(SCREENSHOTS.resolve(page + "-dark-390x844.png"), browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        viewport(new Dimension(1280, 800));
        // the pages this server has endpoints for are listed, and only those (no clustering endpoint, no page)
        assertThat(browser.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText))
                .containsExactly("Dashboard", "Library", "Path", "Alchemy", "Playlists");
    }

    @Test
    void aSearchShowsResultsAndTheModelThatAnswered() {
        open("library");
        WebElement box = browser.findElement(By.name("q"));
        box.sendKeys("calm piano");
        browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        waitUntil(() -> browser.findElements(By.id("answered-by")).size() == 1);
        assertThat(browser.findElement(By.id("answered-by")).getText()).isEqualTo("Answered by text_minilm");
        assertThat(main().findElements(By.cssSelector("tbody tr"))).hasSize(25); // one page of 41 songs
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void aSongPageShowsItsValuesTagsMoodsAndSimilarSongs() {
        open("song/" + query(TAGGED));
        String values = main().findElement(By.cssSelector("dl.values")).getText();
        assertThat(values).contains("Tempo\n80 BPM", "Key\nA minor", "Loudness\n-20 LUFS");
        List<WebElement> moods = main().findElements(By.cssSelector("[aria-labelledby=moods-h] [role=meter]"));
        assertThat(moods.stream().map(m -> m.getAttribute("aria-label"))).containsExactly("danceable", "aggressive",
                "happy", "party", "relaxed", "sad");
        assertThat(moods.getFirst().getAttribute("aria-valuenow")).isEqualTo("0.800");
        List<WebElement> tags = main().findElements(By.cssSelector("[aria-labelledby=tags-h] [role=meter]"));
        assertThat(tags.subList(0, 2).stream().map(m -> m.getAttribute("aria-label"))).containsExactly("rock", "jazz");
        waitUntil(() -> !main().findElements(By.cssSelector("[aria-labelledby=similar-h] li")).isEmpty());
        assertThat(main().findElements(By.cssSelector("[aria-labelledby=similar-h] li"))).hasSize(10);
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void aSongTitledWithHtmlShowsAsText() {
        open("song/" + query(XSS_PATH));
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo(XSS + " — " + XSS);
        open("library/?q=" + query("calm piano"));
        assertThat(main().findElements(By.linkText(XSS + " — " + XSS))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
        try {
            browser.switchTo().alert();
            throw new AssertionError("a song title ran as HTML and opened an alert");
        } catch (NoAlertPresentException expected) {
            // the title stayed text
        }
    }

    @Test
    void aTaskStartedFromTheDashboardShowsItsProgressAndEnds() {
        open("dashboard");
        reportFirstPaint();
        WebElement failed = main().findElement(By.cssSelector("[aria-labelledby=failed-h] li"));
        assertThat(failed.findElement(By.tagName("a")).getAttribute("href")).endsWith("#/song/" + query(XSS_PATH));
        assertThat(failed.getText()).isEqualTo(XSS + " — " + XSS + "\nacoustic_features: " + FAILURE + " (3 attempts)");
        browser.findElement(By.xpath("//button[text()='Scan']")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector(".task[data-status=PENDING]")).isEmpty());
        UUID id = UUID.fromString(browser.findElement(By.cssSelector(".task")).getAttribute("data-task"));
        // this test is the worker: the task moves through the same transitions batch-worker makes
        assertThat(transitions.claim(id, "web-ui-it", 60)).isTrue();
        for (int percent : new int[] {30, 70}) {
            transitions.reportProgress(id, new TaskProgress(percent, percent / 10, 0, 10, "scanning", "{}"));
            waitUntil(() -> String.valueOf(percent).equals(progressOf(id)));
        }
        transitions.finish(id, TaskStatus.SUCCESS, new TaskProgress(100, 10, 0, 10, "done", "{}"), null);
        waitUntil(() -> !browser.findElements(By.cssSelector(".task[data-status=SUCCESS]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".task progress"))).isEmpty();
        assertThat(severeConsoleEntries()).isEmpty();
    }

    /**
     * Makes the page's viewport exactly {@code size} through DevTools' device emulation: a browser window has a
     * minimum width (about 500 px in Chromium), so resizing the window cannot show a 390 px phone.
     */
    private static void viewport(Dimension size) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width, "height",
                size.height, "deviceScaleFactor", 1, "mobile", size.width < 600));
    }

    @Test
    void aPathAndAnAlchemyMixAreSavedAsPlaylistsTheApiLists() {
        open("path/?from=" + query(TAGGED) + "&to=" + query("Gen/Album 3/39 Song 39.flac") + "&steps=6");
        int pathSongs = main().findElements(By.cssSelector("ol.songs li")).size();
        browser.findElement(By.name("playlist-name")).clear();
        browser.findElement(By.name("playlist-name")).sendKeys("Walk");
        browser.findElement(By.xpath("//button[text()='Save as playlist']")).click();
        waitUntil(() -> main().getText().contains("Saved: Walk (" + pathSongs + " songs)"));

        open("alchemy");
        browser.findElement(By.cssSelector("input[name=add]")).sendKeys(TAGGED);
        browser.findElement(By.cssSelector("input[name=n]")).clear();
        browser.findElement(By.cssSelector("input[name=n]")).sendKeys("5");
        browser.findElement(By.xpath("//button[text()='Mix']")).click();
        waitUntil(() -> main().findElements(By.cssSelector("ul.songs li")).size() == 5);
        browser.findElement(By.xpath("//button[text()='Save as playlist']")).click();
        waitUntil(() -> main().getText().contains("Saved: Alchemy (5 songs)"));
        assertThat(severeConsoleEntries()).isEmpty();

        List<String> names = new ArrayList<>();
        http().get("/api/v1/playlists").json().get("playlists").forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).containsExactly("Alchemy", "Walk", "Evening");
    }

    private String progressOf(UUID id) {
        List<WebElement> bars = browser.findElements(By.cssSelector(".task[data-task='" + id + "'] progress"));
        return bars.isEmpty() ? null : bars.getFirst().getAttribute("value");
    }

    /** First contentful paint and the moment the dashboard's data is shown, of a fresh load of the dashboard. */
    private void reportFirstPaint() {
        JavascriptExecutor js = browser;
        Object paint = js.executeScript("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                + " return p ? p.startTime : null");
        Object ready = js.executeScript("const m = performance.getEntriesByName('sonority:ready:dashboard')[0];"
                + " return m ? m.startTime : null");
        String line = "dashboard first contentful paint " + paint + " ms, data shown " + ready + " ms";
        System.out.println("WebUiIT: " + line);
        try {
            Files.writeString(SCREENSHOTS.resolve("first-paint.txt"), line + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A fresh document at {@code #/route}, waited for until the page module has rendered its data. */
    private void open(String route) {
        browser.get("about:blank");
        browser.get("http://127.0.0.1:" + port + "/#/" + route);
        String page = route.split("[/?]")[0];
        waitUntil(() -> Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByName('sonority:ready:" + page + "').length > 0")));
    }

    private WebElement main() {
        return browser.findElement(By.id("main"));
    }

    private static List<String> severeConsoleEntries() {
        return HeadlessChromium.severeConsoleEntries(browser);
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> condition.getAsBoolean());
    }
}
