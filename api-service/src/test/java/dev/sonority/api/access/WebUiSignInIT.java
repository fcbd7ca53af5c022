package dev.sonority.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.ui.HeadlessChromium;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI with access control on (AUTH_MODE=keys), in headless Chromium: the first page asks for a key; a wrong
 * key is refused on the form; a read key signs in (an HttpOnly, SameSite=Strict session cookie) and the pages load
 * without console errors; a write from the signed-in page passes only because the UI sends the CSRF token (the
 * same write without it is refused 403); signing out brings the form back.
 */
class WebUiSignInIT extends KeyedApiTest {

    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start("WebUiSignInIT");
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aKeySignsTheBrowserInAndItsWritesCarryTheCsrfToken() {
        reset();
        browser.get("http://127.0.0.1:" + port + "/#/dashboard");
        waitUntil(() -> !browser.findElements(By.id("sign-in-key")).isEmpty());
        assertThat(browser.findElement(By.id("main")).isDisplayed()).isFalse();

        browser.findElement(By.id("sign-in-key")).sendKeys("snr_wrong_key_of_the_right_length_000000000000");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        waitUntil(() -> browser.findElement(By.id("sign-in-error")).getText().equals("That key was not accepted."));

        screenshot("sign-in-refused-1280x800.png");
        HeadlessChromium.severeConsoleEntries(browser); // the refused requests so far are expected
        browser.findElement(By.id("sign-in-key")).clear();
        browser.findElement(By.id("sign-in-key")).sendKeys(keyOf(Role.WRITE));
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        // the page reloads signed in: the form is gone and the dashboard shows its data
        waitUntil(() -> browser.findElements(By.id("sign-in")).isEmpty());
        waitUntil(() -> Boolean.TRUE.equals(js("return performance.getEntriesByName('sonority:ready:dashboard').length"
                + " > 0")));
        assertThat(browser.findElement(By.id("main")).isDisplayed()).isTrue();
        Cookie session = browser.manage().getCookieNamed("SONORITY_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(browser.findElements(By.cssSelector("#nav a"))).extracting(e -> e.getText())
                .contains("Dashboard", "Library", "Playlists");

        // a write through the UI's fetch wrapper carries the token; the same fetch without it is refused
        Object saved = js("const done = arguments[arguments.length - 1];"
                + " import('/js/api.js').then(m => m.api('/api/v1/playlists', {method: 'POST',"
                + " body: {name: 'From the browser', songs: []}})).then(p => done(p.name), e => done('failed ' + e.status));",
                true);
        assertThat(saved).isEqualTo("From the browser");
        Object bare = js("const done = arguments[arguments.length - 1];"
                + " fetch('/api/v1/playlists', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({name: 'No token', songs: []})}).then(r => done(r.status));", true);
        assertThat(((Number) bare).intValue()).isEqualTo(403);
        assertThat(HeadlessChromium.severeConsoleEntries(browser)).as("console after sign-in")
                .allMatch(line -> line.contains("/api/v1/playlists") && line.contains("403"));

        browser.findElement(By.id("sign-out")).click();
        waitUntil(() -> !browser.findElements(By.id("sign-in-key")).isEmpty());
        Object after = js("const done = arguments[arguments.length - 1];"
                + " fetch('/api/v1/stats').then(r => done(r.status));", true);
        assertThat(((Number) after).intValue()).as("a read after signing out").isEqualTo(401);
    }

    private static void screenshot(String name) {
        try {
            java.nio.file.Path folder = java.nio.file.Path.of("target/ui-screenshots");
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.write(folder.resolve(name), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Object js(String script) {
        return js(script, false);
    }

    private static Object js(String script, boolean async) {
        JavascriptExecutor executor = browser;
        return async ? executor.executeAsyncScript(script) : executor.executeScript(script);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> condition.getAsBoolean());
    }
}
