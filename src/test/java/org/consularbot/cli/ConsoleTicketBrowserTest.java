package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.faq.Language;
import org.consularbot.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ticket work in a real browser (headless Debian chromium, as {@link ConsoleBrowserTest}): Lan hands a ticket to Minh,
 * whose open queue shows it live, marked for him; an FAQ answer found by typing without diacritics fills the reply box,
 * is edited and reaches the citizen; a silent holder's alarm appears live beside the queue. Every step waits for what
 * it needs (a page gone, an attribute the page's script sets), never for a fixed time.
 */
class ConsoleTicketBrowserTest extends AssembledHandoff {

    static final Duration LIVE = Duration.ofSeconds(10);

    private static ChromeDriver browser;
    private static String lanWindow;
    private static String minhWindow;

    private WebServer web;

    @BeforeAll
    static void openBrowser() {
        browser = HeadlessChromium.open();
        lanWindow = browser.getWindowHandle();
        minhWindow = browser.switchTo().newWindow(WindowType.WINDOW).getWindowHandle();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void serve() {
        web = ConsoleHttpTest.serveConsole(bot);
    }

    @AfterEach
    void stopServer() {
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
        clickThrough(window, By.id("sign-in"));
    }

    /** Clicks what leads to another page and waits until the old page is gone (stale, or detached while replaced). */
    private void clickThrough(String window, By what) {
        HeadlessChromium.clickThrough(as(window), what, LIVE);
    }

    private void waitUntil(String window, String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(as(window), LIVE).withMessage(what).until(condition::apply);
    }

    private void live(String window) {
        waitUntil(
                window,
                "live updates connected",
                d -> "on".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
    }

    private Object script(String window, String script) {
        return ((JavascriptExecutor) as(window)).executeScript(script);
    }

    /** The texts of the alerts beside the queue, with their classes; read in one script (the list may be replaced). */
    @SuppressWarnings("unchecked")
    private List<String> alerts(String window) {
        return (List<String>) script(
                window,
                "return Array.from(document.querySelectorAll('#alert-list li.alert'))"
                        + ".map(li => li.className + ' | ' + li.textContent);");
    }

    private long urgentTakenByLan() {
        citizen("100", "toi bi canh sat bat");
        long id = bot.tickets.open().get(0).id();
        signIn(lanWindow, "7", ConsoleHttpTest.LAN_PASSWORD);
        as(lanWindow).get(base(lanWindow) + "/console/tickets/" + id);
        clickThrough(lanWindow, By.id("take"));
        assertThat(as(lanWindow).findElement(By.id("message")).getText()).isEqualTo("The ticket is yours.");
        return id;
    }

    @Test
    void aTicketHandedToMinhShowsLiveInHisQueueMarkedForHim() {
        signIn(minhWindow, "8", ConsoleHttpTest.MINH_PASSWORD);
        live(minhWindow);
        script(minhWindow, "window.notReloaded = true;");
        long id = urgentTakenByLan();

        new Select(as(lanWindow).findElement(By.id("reassign-to"))).selectByValue("8");
        clickThrough(lanWindow, By.id("reassign"));

        assertThat(as(lanWindow).findElement(By.id("message")).getText()).isEqualTo("Handed to another officer.");
        waitUntil(
                minhWindow,
                "the handover in Minh's alerts, marked for him",
                d -> alerts(minhWindow).stream()
                        .anyMatch(a -> a.contains("mine") && a.contains("#" + id + " ↪ handed to Minh by Lan")));
        waitUntil(
                minhWindow,
                "the ticket with Minh in his taken list",
                d -> d.findElement(By.id("taken")).getText().contains("with Minh"));
        assertThat(script(minhWindow, "return window.notReloaded === true;"))
                .as("without a reload")
                .isEqualTo(true);
        assertThat(lastToCitizen()).contains("Một cán bộ khác đã tiếp nhận", "Minh");
    }

    @Test
    void anFaqAnswerFoundWithoutDiacriticsFillsTheReplyAndEditedReachesTheCitizen() {
        long id = urgentTakenByLan();
        var corpus = bot.serving();
        String answer = corpus.answer(corpus.entry(ConsoleTicketWorkTest.RENEW).orElseThrow(), Language.VI);

        as(lanWindow).findElement(By.id("faq-search")).sendKeys("ho chieu het han");
        waitUntil(lanWindow, "the search narrowed the list", d -> {
            String matches = d.findElement(By.tagName("body")).getAttribute("data-faq-matches");
            return matches != null && Integer.parseInt(matches) > 0;
        });
        assertThat((Boolean) script(
                        lanWindow,
                        "return !document.querySelector('#faq option[value=\"" + ConsoleTicketWorkTest.RENEW
                                + "\"]').hidden;"))
                .as("the renewal entry is among what the search kept")
                .isTrue();
        new Select(as(lanWindow).findElement(By.id("faq"))).selectByValue(ConsoleTicketWorkTest.RENEW);
        waitUntil(
                lanWindow,
                "the answer in the reply box",
                d -> ConsoleTicketWorkTest.RENEW.equals(
                        d.findElement(By.tagName("body")).getAttribute("data-faq")));
        WebElement reply = as(lanWindow).findElement(By.id("reply-text"));
        assertThat(reply.getAttribute("value")).isEqualTo(answer);

        reply.sendKeys(" Em gửi hồ sơ trước thứ Sáu nhé.");
        clickThrough(lanWindow, By.id("send"));

        assertThat(as(lanWindow).findElement(By.id("message")).getText()).isEqualTo("Sent to the citizen.");
        assertThat(toCitizens).anySatisfy(entry -> {
            assertThat(entry.reply().kind()).isEqualTo(ReplyKind.OFFICER);
            assertThat(entry.reply().text())
                    .startsWith("👤 Lan: " + answer.strip().lines().findFirst().orElseThrow())
                    .endsWith("Em gửi hồ sơ trước thứ Sáu nhé.");
        });
        assertThat(bot.tickets.find(id).orElseThrow().firstReplyAt()).isPresent();
    }

    @Test
    void aSilentHoldersAlarmAppearsLiveBesideTheQueue() {
        long id = urgentTakenByLan();
        signIn(minhWindow, "8", ConsoleHttpTest.MINH_PASSWORD);
        live(minhWindow);
        waitUntil(
                minhWindow,
                "the alerts list",
                d -> !d.findElements(By.id("alert-list")).isEmpty());

        clock.advance(Duration.ofMinutes(11));
        bot.slaWatch().check();

        waitUntil(
                minhWindow,
                "the alarm beside Minh's queue",
                d -> alerts(minhWindow).stream()
                        .anyMatch(a -> a.startsWith("alert alarm urgent")
                                && a.contains("URGENT #" + id + ": Lan has not answered for 11 min")));
        waitUntil(
                minhWindow,
                "the ticket back in the unassigned list",
                d -> d.findElement(By.id("unassigned")).getText().contains("#" + id));
    }
}
