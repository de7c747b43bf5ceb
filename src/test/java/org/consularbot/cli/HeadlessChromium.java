package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through {@code /usr/bin/chromedriver} (never downloaded), for the console's
 * browser tests; fails, never skips, without them. And the one wait every click to another page needs.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    static ChromeDriver open() {
        return open("--window-size=420,860");
    }

    /** A browser with this window ({@code --window-size=420,1400}): a phone's width, a page's height. */
    static ChromeDriver open(String windowSize) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): apt-get install -y --no-install-recommends chromium chromium-driver (.ci/run does)")
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                windowSize);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Waits until an element of the old page is gone. Chromium reports it either as stale or, while the new page is
     * being built, as "node does not belong to the document": both mean the old page went (stalenessOf knows only the
     * first, and threw the second at us).
     */
    static void untilGone(WebDriver page, WebElement old, Duration wait) {
        new WebDriverWait(page, wait).withMessage("the next page").until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (WebDriverException e) {
                return true;
            }
        });
    }

    /**
     * Clicks what leads to another page and waits until the old page is gone. A live list may be redrawn between
     * finding the link and clicking it (the feed replaced {@code #unassigned} with the same tickets: CI, stop 34): the
     * click then hit a detached element and did nothing, so the link is found again and clicked, as a person would.
     */
    static void clickThrough(WebDriver page, By what, Duration wait) {
        WebElement old = page.findElement(By.tagName("html"));
        new WebDriverWait(page, wait).withMessage("a click on " + what).until(d -> {
            try {
                d.findElement(what).click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
        untilGone(page, old, wait);
    }
}
