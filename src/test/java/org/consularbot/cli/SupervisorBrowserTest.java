package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.consularbot.faq.TestCorpora;
import org.consularbot.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisors' page in a real browser (Debian's chromium, headless, through {@code /usr/bin/chromedriver}): Chi
 * reaches it from the queue, reads the figures and the chart as drawn, adds a citizen's question as a phrasing of an
 * entry through the form; Lan, an officer, is refused. Every step waits for the page it leads to, never a fixed sleep.
 * With {@code -Dconsole.screenshots=docs/img} it writes the screenshot the docs show.
 */
class SupervisorBrowserTest extends AssembledHandoff {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ENTRY = SupervisorConsoleTest.ENTRY;

    private static ChromeDriver browser;

    private Path faq;
    private WebServer web;

    @BeforeAll
    static void openBrowser() {
        browser = HeadlessChromium.open("--window-size=420,1400");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    @Override
    void start() throws Exception {
        faq = TestCorpora.copyOfReal(tmp.resolve("faq"));
        open(Map.of("FAQ_DIR", faq.toString()));
        web = SupervisorConsoleTest.serveWithSupervisor(bot);
    }

    @AfterEach
    void stopServer() {
        browser.manage().deleteAllCookies();
        browser.get("about:blank");
        web.close();
    }

    private String base() {
        return "http://127.0.0.1:" + web.port();
    }

    private static void clickThrough(By what) {
        HeadlessChromium.clickThrough(browser, what, WAIT);
    }

    private static String textOf(String id) {
        return new WebDriverWait(browser, WAIT)
                .withMessage("#" + id + " on the page")
                .until(d -> d.findElements(By.id(id)).stream()
                        .findFirst()
                        .map(WebElement::getText)
                        .orElse(null));
    }

    private void signIn(String id, String password) {
        browser.get(base() + "/console/login?lang=en");
        browser.findElement(By.id("id")).sendKeys(id);
        browser.findElement(By.id("password")).sendKeys(password);
        clickThrough(By.id("sign-in"));
    }

    @Test
    void chiReadsTheFiguresAndTheChartAndAddsAQuestionAsAPhrasing() throws Exception {
        citizen("100", "toi bi canh sat bat");
        citizen("101", "ho chieu het han lam lai o dau");
        citizen("102", SupervisorConsoleTest.UNKNOWN);
        clock.advance(Duration.ofMinutes(7));
        signIn("9", SupervisorConsoleTest.CHI_PASSWORD);

        clickThrough(By.id("supervisor-link"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Supervision");
        assertThat(textOf("open-count")).isEqualTo("1");
        assertThat(textOf("urgent-waiting")).isEqualTo("1");
        assertThat(textOf("oldest-wait")).isEqualTo("7 min");
        Object drawn = ((JavascriptExecutor) browser)
                .executeScript("return Array.from(document.querySelectorAll('#outcomes-chart rect[data-series]'))"
                        + ".filter(r => r.getBoundingClientRect().height > 0).map(r => r.dataset.series).join(',');");
        assertThat(String.valueOf(drawn).split(",")).contains("answered", "unanswered", "emergencies");
        assertThat(textOf("unanswered")).contains("xqzv blorf wurzle plimb?").doesNotContain("102");
        if (System.getProperty("console.screenshots") != null) {
            Files.createDirectories(Path.of(System.getProperty("console.screenshots")));
            Files.write(
                    Path.of(System.getProperty("console.screenshots"), "console-supervisor.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }

        WebElement entry = browser.findElement(By.id("entry-0"));
        entry.clear();
        entry.sendKeys(ENTRY);
        clickThrough(By.id("add-0"));

        assertThat(textOf("message"))
                .isEqualTo("Added to entry " + ENTRY
                        + "; the bot uses it after the FAQ's next reload (seconds to a minute).");
        String file = TestCorpora.entryFile(faq, ENTRY);
        assertThat(Files.readString(faq.resolve(file), StandardCharsets.UTF_8))
                .contains("        - " + SupervisorConsoleTest.UNKNOWN);

        clickThrough(By.id("language"));
        browser.get(base() + "/console/supervisor");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Giám sát");
        assertThat(textOf("outcomes")).contains("Đã trả lời", "Không trả lời được");
    }

    @Test
    void lanAnOfficerHasNoLinkAndIsRefusedWithAPageSayingWhy() {
        signIn("7", ConsoleHttpTest.LAN_PASSWORD);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Queue");
        assertThat(browser.findElements(By.id("supervisor-link"))).isEmpty();

        browser.get(base() + "/console/supervisor");

        assertThat(textOf("message")).isEqualTo("Only supervisors may open this page.");
    }
}
