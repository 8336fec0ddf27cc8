package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.support.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An author builds a rule with the condition builder, a reviewer approves it, and the portal serves it. */
class PolicyAuthoringBrowserIT extends BrowserTest {

    /**
     * Clicks through the DOM: headless Chromium reports long forms' lower buttons as covered even
     * after scrolling. The button's own click still submits its form with its name and value.
     */

    @Test
    void anItemIsBuiltReviewedPublishedCalculatedAndRevisedInTheUi() {
        login("author", "zhida-demo");
        open("/catalog/items/new");
        browser.findElement(By.id("code")).sendKeys("T-UI-1");
        browser.findElement(By.id("name")).sendKeys("界面测试：制造业用工奖励");
        new Select(browser.findElement(By.id("departments"))).selectByValue("C-JXJ");
        new Select(browser.findElement(By.id("mode"))).selectByValue("INSTANT");
        browser.findElement(By.id("conditionsText")).sendKeys("从业人员20人以上的制造业企业");

        WebElement firstRow = browser.findElement(By.cssSelector(".b-row"));
        new Select(firstRow.findElement(By.className("b-attr"))).selectByValue("employees");
        new Select(firstRow.findElement(By.className("b-op"))).selectByValue(">=");
        firstRow.findElement(By.className("b-value")).sendKeys("20");
        browser.findElement(By.className("b-add-row")).click();
        WebElement secondRow = browser.findElements(By.cssSelector(".b-row")).get(1);
        new Select(secondRow.findElement(By.className("b-attr"))).selectByValue("industry");
        new Select(secondRow.findElement(By.className("b-op"))).selectByValue("startsWith");
        secondRow.findElement(By.className("b-value")).sendKeys("C");
        click(By.id("builder-write"));
        assertThat(browser.findElement(By.id("condition")).getDomProperty("value"))
                .isEqualTo("e.employees >= 20\n&& e.industry.startsWith(\"C\")");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("condition-check"), "规则有效"));

        browser.findElement(By.id("amountFormula")).sendKeys("e.employees * 1000");
        browser.findElement(By.id("cap")).sendKeys("50000");
        click(By.id("save-submit"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "已保存并提交标准化审查"));

        login("reviewer", "zhida-demo");
        open("/catalog/review");
        browser.findElement(By.partialLinkText("界面测试：制造业用工奖励")).click();
        click(By.id("approve"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-error"), "逐项确认"));
        List<WebElement> checks = browser.findElements(By.name("checklist"));
        checks.forEach(c -> browser.executeScript("arguments[0].click();", c));
        click(By.id("approve"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "审查通过"));

        open("/portal/items/T-UI-1");
        assertThat(browser.findElement(By.id("item-name")).getText()).isEqualTo("界面测试：制造业用工奖励");
        browser.findElement(By.linkText("测算是否符合")).click();
        browser.findElement(By.id("f-employees")).sendKeys("30");
        browser.findElement(By.id("f-industry")).sendKeys("C3911");
        click(By.id("calc-submit"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("calc-badge"), "符合"));
        assertThat(browser.findElement(By.id("calc-amount")).getText()).isEqualTo("30,000.00 元");

        login("author", "zhida-demo");
        open("/catalog/items");
        WebElement row = browser.findElement(By.xpath("//tr[td[text()='T-UI-1']]"));
        browser.executeScript("arguments[0].click();", row.findElement(By.xpath(".//button[text()='发起修订']")));
        waiting().until(d -> d.getCurrentUrl().endsWith("/catalog/items/T-UI-1/edit"));
        open("/catalog/items");
        row = browser.findElement(By.xpath("//tr[td[text()='T-UI-1']]"));
        assertThat(row.getText()).contains("v2", "草稿");
    }
}
