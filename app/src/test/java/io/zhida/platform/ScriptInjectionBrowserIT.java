package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhida.backtoback.BackToBack;
import io.zhida.identity.Organisations;
import io.zhida.identity.Organisations.Region;
import io.zhida.support.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real Chromium: data that looks like script stays text (chart data travels in HTML attributes, not
 * in script blocks), and the pages whose scripts moved to /js still draw their charts and run their
 * widgets under a Content-Security-Policy that allows no inline script — with nothing refused in the console.
 */
class ScriptInjectionBrowserIT extends BrowserTest {

    private static final String EVIL = "</script><script>document.title='pwned'</script>";

    @Autowired
    Organisations organisations;
    @Autowired
    BackToBack backToBack;
    @Autowired
    JdbcClient jdbc;


    private void waitForChart(String id) {
        try {
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " canvas")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no chart in #" + id + "; console: " + browser.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
    }

    /** Console entries since the last call that say the policy refused something (or any script error). */
    private List<String> refusals() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught"))
                .toList();
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aRegionNamedLikeAScriptIsInertTextOnTheSandboxPageAndTheChartsStillDraw() {
        Region original = organisations.region("519921").orElseThrow();
        try {
            login("admin", "zhida-demo");
            open("/admin/regions/519921");
            WebElement name = browser.findElement(By.id("name"));
            name.clear();
            name.sendKeys(EVIL);
            name.submit();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "已保存区划"));
            assertThat(organisations.region("519921").orElseThrow().name()).isEqualTo(EVIL);
            assertThat(browser.findElement(By.tagName("body")).getText()).contains(EVIL); // listed as text
            refusals();

            login("author", "zhida-demo");
            open("/matching/sandbox");
            browser.findElement(By.id("conditionA")).sendKeys("e.employees >= 1");
            browser.findElement(By.id("sandbox-form")).submit();
            waitForChart("chart-region");
            waitForChart("chart-industry");
            waitForChart("chart-size");

            assertThat(browser.getTitle()).doesNotContain("pwned").contains("直达");
            assertNoAlert();
            @SuppressWarnings("unchecked")
            List<String> categories = (List<String>) browser.executeScript(
                    "return JSON.parse(document.getElementById('page-data').dataset.chart).region.categories;");
            assertThat(categories).contains(EVIL); // the chart got the name, as a string
            Long injected = (Long) browser.executeScript(
                    "return Array.from(document.scripts).filter(s => !s.src || s.text.includes('pwned')).length;");
            assertThat(injected).isZero();
            assertThat(refusals()).isEmpty();
        } finally {
            organisations.saveRegion(original, false);
        }
    }

    @Test
    void thePagesWhoseScriptsMovedToFilesStillWorkUnderThePolicy() {
        login("leader", "zhida-demo");
        open("/cockpit");
        for (String chart : List.of("funnel", "trend", "regions", "industries", "departments", "sizes")) {
            waitForChart(chart);
        }
        assertThat(refusals()).as("cockpit").isEmpty();

        login("evaluator", "zhida-demo");
        open("/evaluation/rates");
        waitForChart("trend");
        assertThat(refusals()).as("rates").isEmpty();

        long round = backToBack.startRound("脚本策略测试轮次", 10, Today.date().minusMonths(1), Today.date(), 7L, "evaluator");
        open("/evaluation/b2b/rounds/" + round);
        click(By.id("score")); // data-confirm asks first; dismissing keeps the round open
        waiting().until(ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).contains("计分后本轮结果不再变动");
        browser.switchTo().alert().dismiss();
        assertThat(browser.findElement(By.id("round-status")).getText()).isEqualTo("评价中");
        assertThat(refusals()).as("b2b round").isEmpty();

        jdbc.sql("SELECT id FROM eval_campaign ORDER BY id LIMIT 1").query(Long.class).optional().ifPresent(id -> {
            open("/evaluation/campaigns/" + id);
            assertThat(refusals()).as("campaign").isEmpty();
        });

        login("author", "zhida-demo");
        open("/catalog/items/new");
        WebElement firstRow = browser.findElement(By.cssSelector(".b-row"));
        new Select(firstRow.findElement(By.className("b-attr"))).selectByValue("employees");
        new Select(firstRow.findElement(By.className("b-op"))).selectByValue(">=");
        firstRow.findElement(By.className("b-value")).sendKeys("20");
        click(By.id("builder-write"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("condition-check"), "规则有效")); // htmx under the policy
        assertThat(refusals()).as("editor").isEmpty();

        login("admin", "zhida-demo");
        open("/enterprises/imports");
        assertThat(refusals()).as("imports").isEmpty();

        browser.manage().deleteAllCookies();
        open("/portal/calculator");
        String code = new Select(browser.findElement(By.id("item-select"))).getOptions().get(1).getDomAttribute("value");
        new Select(browser.findElement(By.id("item-select"))).selectByValue(code); // data-autosubmit
        waiting().until(ExpectedConditions.urlContains("item=" + code));
        assertThat(refusals()).as("calculator").isEmpty();
        assertNoAlert();
    }
}
