package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.handoff.Ticket;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser: Debian's chromium, headless, driven by Selenium through
 * {@code /usr/bin/chromedriver} (never downloaded). One browser for the class, two windows: Lan's on
 * {@code localhost} and Minh's on {@code 127.0.0.1}, so each has its own cookies. Fails, never skips, without chromium.
 * With {@code -Dconsole.screenshots=docs/img} it writes the screenshots the docs show.
 */
class ConsoleBrowserTest extends AssembledHandoff {

    static final Duration LIVE = Duration.ofSeconds(5);

    private static ChromeDriver browser;
    private static String lanWindow;
    private static String minhWindow;
    private static long startedAt;

    private WebServer web;

    @BeforeAll
    static void openBrowser() {
        startedAt = System.nanoTime();
        browser = HeadlessChromium.open();
        lanWindow = browser.getWindowHandle();
        minhWindow = browser.switchTo().newWindow(WindowType.WINDOW).getWindowHandle();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        System.out.printf("ConsoleBrowserTest: %.1f s with the browser%n", (System.nanoTime() - startedAt) / 1e9);
    }

    @BeforeEach
    void serve() {
        web = ConsoleHttpTest.serveConsole(bot);
    }

    @AfterEach
    void stopServer() {
        // Leave no page of this test running: its live connection would reconnect to the next test's server if that
        // one got the same port, and its script navigate while the next test types.
        as(lanWindow).get("about:blank");
        as(minhWindow).get("about:blank");
        web.close();
    }

    private WebDriver as(String window) {
        return browser.switchTo().window(window);
    }

    private String base(String window) {
        return "http://" + (window.equals(lanWindow) ? "localhost" : "127.0.0.1") + ":" + web.port();
    }

    private void signIn(String window, String id, String password) {
        WebDriver page = as(window);
        page.get(base(window) + "/console/login?lang=en");
        page.findElement(By.id("id")).sendKeys(id);
        page.findElement(By.id("password")).sendKeys(password);
        WebElement button = page.findElement(By.id("sign-in"));
        button.click();
        // The next page, whichever it is: under load the click returns before the sign-in's answer set the cookie, and
        // a
        // page asked for at once was sent back to the sign-in.
        untilGone(page, button);
    }

    /**
     * Waits until an element of the old page is gone. Chromium reports it either as stale or, while the new page is
     * being built, as "node does not belong to the document": both mean the old page went (stalenessOf knows only the
     * first, and threw the second at us).
     */
    private static void untilGone(WebDriver page, WebElement old) {
        HeadlessChromium.untilGone(page, old, LIVE);
    }

    /**
     * Clicks what leads to another page and waits for it: under load the click returns before the old page is gone,
     * and what is read next would be the old page's (CI, stop 27: a stale heading after the language switch).
     */
    private void clickThrough(String window, By what) {
        HeadlessChromium.clickThrough(as(window), what, LIVE);
    }

    private void waitUntil(String window, String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(as(window), LIVE).withMessage(what).until(condition::apply);
    }

    /** Waits until the page says its live updates are on (the server's first event arrived). */
    private void live(String window) {
        waitUntil(
                window,
                "live updates connected",
                d -> "on".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
    }

    /** The tickets in a list, "!" marking urgent ones; read in one script, as the list may be replaced meanwhile. */
    @SuppressWarnings("unchecked")
    private List<String> ticketsIn(String window, String list) {
        return (List<String>) ((JavascriptExecutor) as(window))
                .executeScript("return Array.from(document.querySelectorAll('#" + list + " li.ticket'))"
                        + ".map(li => li.dataset.ticket + (li.classList.contains('urgent') ? '!' : ''));");
    }

    private void screenshot(String name) throws IOException {
        String folder = System.getProperty("console.screenshots");
        if (folder != null) {
            Files.createDirectories(Path.of(folder));
            Files.write(Path.of(folder, name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    private static String speakers(WebDriver page) {
        return String.valueOf(((JavascriptExecutor) page)
                .executeScript("return Array.from(document.querySelectorAll('#transcript li.line'))"
                        + ".map(li => li.className.replace('line ', '')).join(',');"));
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheQueue() throws Exception {
        signIn(lanWindow, "7", "not-the-password");
        assertThat(as(lanWindow).findElement(By.id("message")).getText()).isEqualTo("Wrong officer id or password.");
        assertThat(as(lanWindow).getCurrentUrl()).endsWith("/console/login");

        as(lanWindow).get(base(lanWindow) + "/console/login?lang=en");
        screenshot("console-login.png");
        signIn(lanWindow, "7", ConsoleHttpTest.LAN_PASSWORD);

        assertThat(as(lanWindow).getCurrentUrl()).endsWith("/console");
        assertThat(as(lanWindow).findElement(By.tagName("h1")).getText()).isEqualTo("Queue");
        assertThat(as(lanWindow).findElement(By.className("who")).getText()).isEqualTo("Lan");
        clickThrough(lanWindow, By.id("language"));
        assertThat(as(lanWindow).findElement(By.tagName("h1")).getText())
                .as("Vietnamese, remembered in the session")
                .isEqualTo("Hàng chờ");
        as(lanWindow).get(base(lanWindow) + "/console");
        assertThat(as(lanWindow).findElement(By.tagName("h1")).getText()).isEqualTo("Hàng chờ");
    }

    @Test
    void fiveWrongPasswordsLockTheIdAndAFormWithoutItsCsrfTokenIsRefused() {
        for (int i = 1; i <= 5; i++) {
            signIn(minhWindow, "8", "wrong-" + i);
        }
        assertThat(as(minhWindow).findElement(By.id("message")).getText())
                .isEqualTo("Too many failed attempts: locked until 2026-11-30 15:15 (UTC).");
        signIn(minhWindow, "8", ConsoleHttpTest.MINH_PASSWORD);
        assertThat(as(minhWindow).findElement(By.id("message")).getText()).startsWith("Too many failed attempts");

        citizen("100", "toi bi canh sat bat");
        long ticket = bot.tickets.open().get(0).id();
        signIn(lanWindow, "7", ConsoleHttpTest.LAN_PASSWORD);
        as(lanWindow).get(base(lanWindow) + "/console/tickets/" + ticket);
        ((JavascriptExecutor) as(lanWindow))
                .executeScript("document.querySelectorAll('input[name=csrf]').forEach(i => i.value = 'forged');");
        clickThrough(lanWindow, By.id("take"));

        assertThat(as(lanWindow).findElement(By.id("message")).getText())
                .isEqualTo("Refused (missing or wrong CSRF token). Reload the page.");
        assertThat(bot.tickets.find(ticket).orElseThrow().officerId()).isEmpty();
    }

    @Test
    void requestsAppearLiveInTwoBrowsersUrgentFirstAndATakeLeavesTheOthersUnassignedList() throws Exception {
        signIn(lanWindow, "7", ConsoleHttpTest.LAN_PASSWORD);
        signIn(minhWindow, "8", ConsoleHttpTest.MINH_PASSWORD);
        live(lanWindow);
        live(minhWindow);
        ((JavascriptExecutor) as(minhWindow)).executeScript("window.notReloaded = true;");

        citizen("200", "/human");
        citizen("100", "toi bi canh sat bat");
        Ticket urgent = bot.tickets.open().get(0);
        Ticket normal = bot.tickets.open().get(1);
        assertThat(urgent.priority()).isEqualTo(Ticket.Priority.URGENT);

        List<String> expected = List.of(urgent.id() + "!", String.valueOf(normal.id()));
        for (String window : List.of(lanWindow, minhWindow)) {
            waitUntil(
                    window,
                    "both requests, urgent first",
                    d -> ticketsIn(window, "unassigned").equals(expected));
        }
        as(lanWindow);
        screenshot("console-queue.png");

        clickThrough(lanWindow, By.cssSelector("#unassigned li.urgent a"));
        clickThrough(lanWindow, By.id("take"));
        assertThat(as(lanWindow).findElement(By.id("message")).getText()).isEqualTo("The ticket is yours.");

        waitUntil(
                minhWindow,
                "the taken ticket leaves Minh's unassigned list",
                d -> ticketsIn(minhWindow, "unassigned").equals(List.of(String.valueOf(normal.id()))));
        assertThat(ticketsIn(minhWindow, "taken")).containsExactly(urgent.id() + "!");
        assertThat(as(minhWindow).findElement(By.id("taken")).getText()).contains("with Lan");
        assertThat(((JavascriptExecutor) as(minhWindow)).executeScript("return window.notReloaded === true;"))
                .as("updated without a reload")
                .isEqualTo(true);
    }

    @Test
    void aReplyReachesTheCitizenAndTheWholeConversationShowsLive() throws Exception {
        citizen("100", "toi bi canh sat bat");
        Ticket ticket = bot.tickets.open().get(0);
        signIn(lanWindow, "7", ConsoleHttpTest.LAN_PASSWORD);
        as(lanWindow).get(base(lanWindow) + "/console/tickets/" + ticket.id());
        clock.advance(Duration.ofSeconds(30));
        waitUntil(
                lanWindow,
                "the ticket page with its actions",
                d -> !d.findElements(By.id("take")).isEmpty());
        clickThrough(lanWindow, By.id("take"));
        live(lanWindow);
        clock.advance(Duration.ofSeconds(30));

        WebElement reply = as(lanWindow).findElement(By.id("reply-text"));
        reply.sendKeys("Chị đang gọi cho đồn cảnh sát, em giữ máy nhé.");
        clickThrough(lanWindow, By.id("send"));
        assertThat(as(lanWindow).findElement(By.id("message")).getText()).isEqualTo("Sent to the citizen.");

        assertThat(toCitizens)
                .as("through the durable outbox to the citizen's channel")
                .anySatisfy(entry -> {
                    assertThat(entry.reply().kind()).isEqualTo(ReplyKind.OFFICER);
                    assertThat(entry.reply().text()).contains("Lan", "Chị đang gọi cho đồn cảnh sát, em giữ máy nhé.");
                });
        assertThat(bot.store.outbox().unsent(100)).extracting(OutboxEntry::id).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        citizen("100", "em o Toronto, em cho chi a");
        live(lanWindow);
        waitUntil(
                lanWindow,
                "the citizen's new message in the transcript",
                d -> d.findElement(By.id("transcript")).getText().contains("em o Toronto, em cho chi a"));
        // Read in one script: the transcript may be replaced while it is read (the acknowledgement arriving).
        waitUntil(lanWindow, "the acknowledgement after it", d -> speakers(d).endsWith("citizen,officer"));
        List<String> speakers = List.of(speakers(as(lanWindow)).split(","));
        assertThat(speakers)
                .as(
                        "the citizen, the bot's emergency reply, Lan joining and replying, the citizen, the acknowledgement")
                .startsWith("citizen", "bot")
                .endsWith("officer", "officer", "citizen", "officer");
        assertThat(as(lanWindow).findElement(By.id("transcript")).getText())
                .contains("toi bi canh sat bat", "Chị đang gọi cho đồn cảnh sát");
        ((JavascriptExecutor) as(lanWindow)).executeScript("document.getElementById('ticket-head').scrollIntoView();");
        screenshot("console-ticket.png");
    }
}
