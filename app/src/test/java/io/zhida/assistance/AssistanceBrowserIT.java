package io.zhida.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.support.BrowserTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 平台收单、中心派单、专员接单、企业评单 in a real Chromium, each step by the person whose job it is, the enterprise on a
 * phone-sized window: it asks, the centre dispatches, the 专员 takes it and collects the document, the enterprise
 * confirms with its 承诺书 — which submits the application — and rates the help.
 */
class AssistanceBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    UserAdministration users;

    @Test
    void anEnterpriseIsHelpedFromItsAskToItsRatingWithEveryStepInTheBrowser() throws IOException {
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-UI-ASSIST
                    name: 界面帮办测试补贴
                    departments: [C-JXJ]
                    mode: 承诺即享
                    condition: e.employees >= 1 // 有从业人员
                    materials:
                      - {name: 项目申报书, shared: false}
                    benefit_type: 资金补贴
                    amount: "9000"
                    time_limit_days: 10
                    annual_budget: 500000
                """, true);
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE employees >= 1 AND uscc NOT IN (SELECT enterprise_uscc FROM app_user "
                + "WHERE enterprise_uscc IS NOT NULL) ORDER BY uscc DESC LIMIT 1 OFFSET 3").query(String.class).single();
        users.create(new UserAdministration.UserForm("ui-assisted", "界面帮办企业", "zhida-demo", Set.of(Role.ENTERPRISE), null, null, uscc, null));
        Path document = Files.write(Files.createTempFile("申报书", ".pdf"), "%PDF-1.4\n% assisted in the browser\n".getBytes(StandardCharsets.US_ASCII));

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        login("ui-assisted", "zhida-demo");
        open("/my/assistance");
        new Select(browser.findElement(By.id("ask-item"))).selectByValue("T-UI-ASSIST");
        browser.findElement(By.id("ask-phone")).sendKeys("13912345678");
        click(By.id("ask-submit"));
        flash("已提交帮办申请");
        String number = browser.findElement(By.cssSelector("#my-requests a")).getText();

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        login("clerk", "zhida-demo");
        open("/assistance/centre?status=REQUESTED");
        long id = jdbc.sql("SELECT id FROM assistance_request WHERE number = ?").param(number).query(Long.class).single();
        new Select(browser.findElement(By.id("agent-" + id))).selectByValue("agent");
        click(By.id("dispatch-" + id));
        flash("已派单");

        login("agent", "zhida-demo");
        open("/assistance/agent");
        browser.findElement(By.linkText(number)).click();
        click(By.id("accept"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "专员准备材料中"));
        browser.findElement(By.id("file-input")).sendKeys(document.toString());
        click(By.id("file-submit"));
        flash("材料已收取");
        click(By.id("ready"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "待企业确认提交"));

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        login("ui-assisted", "zhida-demo");
        open("/assistance/" + id);
        assertThat(browser.findElement(By.id("materials")).getText()).contains("项目申报书").contains("已收取");
        click(By.id("commitment"));
        click(By.id("confirm"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已提交申报"));
        assertThat(browser.findElement(By.id("application-link")).getText()).startsWith("SQ");
        new Select(browser.findElement(By.id("stars"))).selectByValue("5");
        click(By.id("rate"));
        flash("感谢您对帮办服务的评价");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("专员接单").contains("企业确认并提交申报").contains("企业评价 5 星");
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertThat(overflow).as("the request page fits a phone").isEqualTo(false);

        String application = jdbc.sql("SELECT application_number FROM assistance_request WHERE id = ?").param(id).query(String.class).single();
        assertThat(jdbc.sql("SELECT status FROM application WHERE number = ?").param(application).query(String.class).single()).isEqualTo("SUBMITTED");
    }
}
