package io.zhida.support;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One headless Chromium per browser test class, against the shared application on its random port. */
@ZhidaIntegrationTest
public abstract class BrowserTest {

    protected static ChromeDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Clicks by script: a button under the sticky navbar or off-screen on a phone is still clicked. */
    protected void click(By by) {
        browser.executeScript("arguments[0].click();", browser.findElement(by));
    }

    /** Waits for the page's flash message to say this. */
    protected void flash(String text) {
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), text));
    }

    /** Signs in through the login form; waits until the browser has left the login page. */
    protected void login(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        waiting().until(d -> !d.getCurrentUrl().endsWith("/login"));
    }
}
