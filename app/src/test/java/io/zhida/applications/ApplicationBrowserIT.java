package io.zhida.applications;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.support.BrowserTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole 申报 → 受理 → 交办 → 审核 → 公示 → 拨付 → 评价 walk in a real Chromium, each step by the person whose
 * job it is. The only thing not done in the browser is the passing of five working days of 公示.
 */
class ApplicationBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    UserAdministration users;



    @Test
    void anEnterpriseAppliesAndIsPaidAndRatesWithEveryStepInTheBrowser() throws IOException {
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-UI-APPLY
                    name: 界面申报测试补贴
                    departments: [C-JXJ]
                    mode: 承诺即享
                    condition: e.employees >= 1 // 有从业人员
                    materials:
                      - {name: 项目申报书, shared: false}
                    benefit_type: 资金补贴
                    amount: "12000"
                    time_limit_days: 10
                    annual_budget: 500000
                """, true);
        // an enterprise of its own: the bank account it confirms must not change what other tests see
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE employees >= 1 AND uscc NOT IN (SELECT enterprise_uscc FROM app_user WHERE enterprise_uscc IS NOT NULL) ORDER BY uscc DESC LIMIT 1").query(String.class).single();
        users.create(new UserAdministration.UserForm("ui-enterprise", "界面测试企业", "zhida-demo", Set.of(Role.ENTERPRISE),
                null, null, uscc, null));
        Path material = Files.write(Files.createTempFile("申报书", ".pdf"), "%PDF-1.4\n% ui test\n".getBytes(StandardCharsets.US_ASCII));

        login("ui-enterprise", "zhida-demo");
        open("/portal/items/T-UI-APPLY");
        click(By.id("apply-link"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
        browser.findElement(By.id("material-0")).sendKeys(material.toString());
        click(By.id("commitment"));
        click(By.id("submit-application"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "待受理"));
        String detail = browser.getCurrentUrl().replaceAll("^https?://[^/]+", "");
        long id = Long.parseLong(detail.substring("/applications/".length()));

        login("clerk", "zhida-demo");
        open("/window");
        browser.findElement(By.linkText(number(id))).click();
        click(By.id("accept"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已受理"));
        click(By.id("dispatch"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "审核中"));

        login("reviewer", "zhida-demo");
        open("/review");
        browser.findElement(By.linkText(number(id))).click();
        click(By.id("respond"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("decide-form")));
        click(By.id("approve"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已核准"));
        assertThat(browser.findElement(By.id("approved-amount")).getText()).contains("12,000.00");

        open("/portal/disclosures");
        assertThat(browser.findElement(By.id("disclosures")).getText()).contains("界面申报测试补贴");
        // five working days pass
        jdbc.sql("UPDATE fund_grant SET disclosure_until = current_date - 1 WHERE application_id = ?").param(id).update();

        login("ui-enterprise", "zhida-demo");
        open("/my/bank-account");
        browser.findElement(By.name("accountName")).clear();
        browser.findElement(By.name("accountName")).sendKeys(jdbc.sql(
                "SELECT e.name FROM enterprise e JOIN app_user u ON u.enterprise_uscc = e.uscc WHERE u.username = 'ui-enterprise'")
                .query(String.class).single()); // paid only to an account in the registered name
        browser.findElement(By.name("bankName")).clear();
        browser.findElement(By.name("bankName")).sendKeys("示范银行");
        browser.findElement(By.name("accountNo")).clear();
        browser.findElement(By.name("accountNo")).sendKeys("6222020000123456");
        click(By.cssSelector("#account-form button"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("current-account")));

        login("finance", "zhida-demo");
        open("/funds/batches");
        click(By.xpath("//button[text()='结束到期公示']"));
        flash("公示期满转入待拨付");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PAYABLE".equals(grantStatus(id)));
        click(By.id("create-batch"));
        long line = jdbc.sql("SELECT l.id FROM payout_line l JOIN fund_grant g ON g.id = l.grant_id WHERE g.application_id = ?")
                .param(id).query(Long.class).single();
        long batch = jdbc.sql("SELECT batch_id FROM payout_line WHERE id = ?").param(line).query(Long.class).single();
        open("/funds/batches/" + batch);
        assertThat(browser.findElement(By.id("lines")).getText()).contains("6222020000123456");
        Path result = Files.writeString(Files.createTempFile("回单", ".csv"), "明细号,结果,失败原因\n" + line + ",成功,\n");
        browser.findElement(By.cssSelector("#result-form input[type=file]")).sendKeys(result.toString());
        click(By.cssSelector("#result-form button"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(applicationStatus(id)));

        open("/portal/items/T-UI-APPLY");
        assertThat(browser.findElement(By.id("item-figures")).getText()).contains("已核准\n1 件").contains("12,000.00 元（1 户）");

        login("ui-enterprise", "zhida-demo");
        open(detail);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已兑付");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("受理", "交办", "核准", "拨付");
        new Select(browser.findElement(By.id("stars"))).selectByValue("5");
        browser.findElement(By.name("comment")).sendKeys("网上办，很方便");
        click(By.cssSelector("#rate-form button"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rating"), "★★★★★"));
        open("/my/messages");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("资金已拨付");
    }

    private String number(long id) {
        return jdbc.sql("SELECT number FROM application WHERE id = ?").param(id).query(String.class).single();
    }

    private String applicationStatus(long id) {
        return jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single();
    }

    private String grantStatus(long id) {
        return jdbc.sql("SELECT status FROM fund_grant WHERE application_id = ?").param(id).query(String.class).single();
    }
}
