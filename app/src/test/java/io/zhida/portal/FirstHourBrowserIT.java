package io.zhida.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.platform.Today;
import io.zhida.support.BrowserTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16: each role's first hour on the test context's demo city, in a real Chromium, through the pages only — at desktop
 * width (1366 × 900) and the key pages again at phone width (390 × 844) — asserting on what the page shows: the action the
 * role needs is on the page and works, and nothing is a dead end. The only direct writes are the passing of calendar time
 * (the end of 公示). Each walk makes what it changes (items, an enterprise of its own), so it depends on no other test.
 * Screenshots go to target/screenshots/first-hour-&lt;role&gt;-&lt;width&gt;[-page].png for a person to look at.
 */
class FirstHourBrowserIT extends BrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    static final int DESKTOP = 1366;
    static final int PHONE = 390;

    /** What a rule looks like to a machine: an enterprise attribute, comparison and logic operators, regex anchors, literals. */
    static final Pattern RULE_SYNTAX = Pattern.compile(
            "\\be\\.[a-z_]|==|!=|&&|\\|\\||>=|<=|\\bnull\\b|\\btrue\\b|\\bfalse\\b|startsWith|endsWith|matches\\(|\\^\\(|\\bsize\\(|\\bin \\[");

    /** A figure no one says aloud: "还差 2.191501689784858 个百分点". */
    static final Pattern LONG_DECIMAL = Pattern.compile("\\d\\.\\d{4,}");

    static final String QUICK = "T-FH-QUICK";
    static final String QUICK_NAME = "首小时演练即申即享用工补贴";
    static final String REVIEWED = "T-FH-REVIEW";
    static final String REVIEWED_NAME = "首小时演练设备更新审核补贴";

    /** Every clause, missing datum, near-miss gap and unmet clause 我的政策 shows, per item code (the texts an enterprise reads). */
    static final String POLICY_TEXTS = """
            const out = [];
            for (const section of ['eligible', 'undetermined', 'near-miss', 'not-met']) {
              const root = document.getElementById(section);
              if (!root) continue;
              for (const entry of root.querySelectorAll('.list-group-item')) {
                const link = entry.querySelector('a[href*="/portal/items/"]');
                if (!link) continue;
                const code = decodeURIComponent(link.getAttribute('href').replace(/^.*\\/portal\\/items\\//, ''));
                const texts = [...entry.querySelectorAll('li, .missing-data, .near-clause, .near-gap, .small')]
                  .map(e => e.textContent.replace(/\\s+/g, ' ').trim()).filter(t => t.length > 0);
                out.push({section: section, code: code, texts: texts});
              }
            }
            return out;
            """;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    UserAdministration users;

    @AfterEach
    void windowAsOtherTestsExpectIt() {
        browser.manage().window().setSize(new Dimension(1400, 900));
    }

    // ------------------------------------------------------------------------------------------------------------------
    // enterprise: find, apply, follow (我的政策 in plain words, its state, messages, 我的申报 as cards on a phone)
    // ------------------------------------------------------------------------------------------------------------------

    @Test
    void theEnterpriseFindsAppliesAndFollowsItsPoliciesInPlainWordsOnDesktopAndPhone() {
        importOnce(QUICK, """
                documents: []
                items:
                  - code: %s
                    name: %s
                    departments: [C-JXJ]
                    mode: 即申即享
                    conditions_text: 有从业人员的企业
                    condition: e.employees >= 1 // 有从业人员
                    benefit_type: 资金补贴
                    amount: "8000"
                    time_limit_days: 5
                    annual_budget: 1000000
                """.formatted(QUICK, QUICK_NAME));

        desktop();
        login("enterprise", "zhida-demo");
        // find: the public search knows the new item
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            open("/portal/policies");
            WebElement box = browser.findElement(By.id("search-box"));
            box.clear();
            box.sendKeys("首小时演练", Keys.ENTER);
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
            assertThat(browser.findElement(By.id("results")).getText()).contains(QUICK_NAME);
        });
        shot("enterprise-1366-search");
        browser.findElement(By.xpath("//div[@id='results']//a[contains(., '" + QUICK_NAME + "')]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-name"), QUICK_NAME));
        assertThat(browser.findElement(By.id("guide")).getText()).contains("有从业人员的企业", "5 个工作日");
        assertThat(browser.findElement(By.id("guide")).getText()).as("no empty value shown as null").doesNotContain("null");
        assertThat(browser.findElement(By.id("support-standard")).getText()).as("a fixed amount is the support standard").startsWith("定额 8,000.00 元");
        shot("enterprise-1366-item");

        if (alreadyApplied("enterprise", QUICK)) { // a rerun on a kept database: the item is applied for already
            open("/my/applications");
        } else {
            click(By.id("apply-link"));
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
            assertThat(browser.findElement(By.id("estimate")).getText()).contains("8,000.00 元");
            assertThat(browser.findElement(By.tagName("main")).getText()).as("the apply form in plain words").doesNotContainPattern(RULE_SYNTAX);
            if (!browser.findElements(By.id("commitment")).isEmpty()) {
                click(By.id("commitment"));
            }
            click(By.id("submit-application"));
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已核准")); // 秒批
            assertThat(browser.findElement(By.id("approved-amount")).getText()).isEqualTo("8,000.00 元");
        }

        // 我的政策: the item is there with its state and the matching action instead of 在线申报; every text in plain words
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            open("/my/policies?all=true");
            assertThat(browser.findElements(By.xpath(itemEntry("eligible", QUICK)))).as("我的政策 lists " + QUICK).isNotEmpty();
        });
        assertThat(Long.parseLong(browser.findElement(By.id("eligible-count")).getText())).isPositive();
        WebElement entry = browser.findElement(By.xpath(itemEntry("eligible", QUICK)));
        assertThat(entry.findElement(By.className("item-state")).getText()).isEqualTo("已核准");
        assertThat(entry.findElements(By.className("apply-link"))).as("no 在线申报 for an item applied for").isEmpty();
        assertThat(entry.getText()).contains("有从业人员", "预计 8,000.00 元");
        click(By.cssSelector("#not-met summary")); // the items not met, opened as a reader would
        assertPlainWords();
        shot("enterprise-1366");
        // opens the item from 我的政策: its state and what happens next
        click(By.xpath(itemEntry("eligible", QUICK) + "//a[text()='查看进度']"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已核准"));
        assertThat(browser.findElement(By.xpath("//*[@id='timeline']//li[contains(., '秒批核准')]")).getText())
                .as("the platform approved it, not the enterprise").contains("系统自动");
        String application = currentPath();
        shot("enterprise-1366-application");

        // messages: the approval is in the inbox and the message leads on to 我的申报
        open("/my/messages");
        assertThat(browser.findElement(By.id("messages")).getText()).contains("申报已核准：" + QUICK_NAME);
        browser.findElement(By.xpath("//div[@id='messages']/a[contains(., '申报已核准：" + QUICK_NAME + "')]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-title"), QUICK_NAME));
        click(By.id("go-applications"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("my-applications")));
        assertThat(browser.findElement(By.id("my-applications")).getText()).contains(QUICK_NAME, "已核准", "8,000.00");

        // the same on a phone
        phone();
        open("/my/policies");
        fitsPhone("enterprise 我的政策", true);
        assertThat(browser.findElement(By.id("eligible")).isDisplayed()).isTrue();
        assertPlainWords();
        shot("enterprise-390-policies");
        open("/my/messages");
        fitsPhone("enterprise 消息", true);
        assertThat(browser.findElement(By.id("messages")).getText()).contains("申报已核准：" + QUICK_NAME);
        shot("enterprise-390-messages");
        open("/my/applications");
        fitsPhone("enterprise 我的申报", true);
        Map<String, Object> card = script(LayoutBrowserIT.TABLE, "my-applications");
        assertThat(card.get("head")).as("column heads hidden on a phone").isEqualTo("none");
        assertThat(card.get("row")).as("each application a card").isEqualTo("flex");
        assertThat(labels(card)).as("each value under its column's name").contains("申报编号", "状态", "核定金额");
        WebElement mine = browser.findElement(By.xpath("//table[@id='my-applications']/tbody/tr[contains(., '" + QUICK_NAME + "')]"));
        assertThat(mine.getText()).contains("已核准", "8,000.00");
        shot("enterprise-390");
        open(application);
        fitsPhone("enterprise 申报详情", true);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已核准");
        shot("enterprise-390-application");
    }

    // ------------------------------------------------------------------------------------------------------------------
    // clerk, reviewer, head (四眼 on a changed amount), finance (waiting for a bank account, remind, export, pay),
    // and the enterprise confirming its account from the reminder and rating the service
    // ------------------------------------------------------------------------------------------------------------------

    @Test
    void clerkReviewerHeadAndFinanceTakeAChangedAmountToAPaidGrantThatTheEnterpriseRates() throws Exception {
        importOnce(REVIEWED, """
                documents: []
                items:
                  - code: %s
                    name: %s
                    departments: [C-JXJ]
                    mode: 承诺即享
                    conditions_text: 有从业人员的企业
                    condition: e.employees >= 1 // 有从业人员
                    materials:
                      - {name: 设备购置发票, shared: false}
                    benefit_type: 资金补贴
                    amount: "12000"
                    time_limit_days: 10
                    annual_budget: 500000
                """.formatted(REVIEWED, REVIEWED_NAME));
        // an enterprise of its own, with no application, grant or account, so the walk changes nothing other tests see
        String uscc = jdbc.sql("""
                SELECT e.uscc FROM enterprise e WHERE e.employees >= 1
                  AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.enterprise_uscc = e.uscc)
                  AND NOT EXISTS (SELECT 1 FROM application a WHERE a.uscc = e.uscc)
                  AND NOT EXISTS (SELECT 1 FROM fund_grant g WHERE g.uscc = e.uscc)
                  AND NOT EXISTS (SELECT 1 FROM bank_account b WHERE b.uscc = e.uscc)
                ORDER BY e.uscc LIMIT 1 OFFSET 1717""").query(String.class).single();
        String name = jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single();
        String login = "fh-" + uscc.substring(uscc.length() - 8).toLowerCase();
        users.create(new UserAdministration.UserForm(login, "首小时演练企业", "zhida-demo", Set.of(Role.ENTERPRISE), null, null, uscc, null));
        Path invoice = Files.write(Files.createTempFile("设备购置发票", ".pdf"), "%PDF-1.4\n% first hour\n".getBytes(StandardCharsets.US_ASCII));

        // the enterprise applies
        desktop();
        login(login, "zhida-demo");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            open("/my/policies?all=true");
            assertThat(browser.findElements(By.xpath(itemEntry("eligible", REVIEWED)))).isNotEmpty();
        });
        click(By.xpath(itemEntry("eligible", REVIEWED) + "//a[contains(@class, 'apply-link')]"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
        assertThat(browser.findElement(By.id("estimate")).getText()).contains("12,000.00 元");
        browser.findElement(By.id("material-0")).sendKeys(invoice.toString());
        click(By.id("commitment"));
        click(By.id("submit-application"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "待受理"));
        String detail = currentPath();
        long id = Long.parseLong(detail.substring("/applications/".length()));
        Matcher numbered = Pattern.compile("申报编号 (\\S+)").matcher(browser.findElement(By.tagName("main")).getText());
        assertThat(numbered.find()).isTrue();
        String number = numbered.group(1);

        // the clerk: 受理, 交办
        login("clerk", "zhida-demo");
        openFromQueue("/window?status=SUBMITTED", number);
        click(By.id("accept"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已受理"));
        click(By.id("dispatch"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "审核中"));
        assertThat(browser.findElement(By.id("notice-link")).isDisplayed()).as("the 交办通知书 is on the page").isTrue();
        shot("clerk-1366");

        // the reviewer: 签收, approves a lower amount with a reason — it waits for the head
        login("reviewer", "zhida-demo");
        openFromQueue("/review", number);
        click(By.id("respond"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("decide-form")));
        assertThat(browser.findElement(By.id("amount")).getDomProperty("value")).startsWith("12000");
        browser.findElement(By.id("amount")).clear();
        browser.findElement(By.id("amount")).sendKeys("9000");
        browser.findElement(By.id("amountReason")).sendKeys("发票金额中 3 万元为运费，不属支持范围，按比例核减");
        click(By.id("approve"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "审核意见已提交"));
        String proposal = browser.findElement(By.id("amount-proposal")).getText();
        assertThat(proposal).contains("核定金额待部门负责人确认", "拟核定 9,000.00 元", "平台测算 12,000.00 元", "按比例核减",
                "须由提出人以外的部门负责人确认");
        assertThat(browser.findElements(By.id("confirm-amount"))).as("the reviewer cannot confirm his own amount").isEmpty();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("审核中");
        shot("reviewer-1366");

        // the head: sees what waits for him on 部门审核 (desktop), confirms it on his phone
        login("head", "zhida-demo");
        open("/review");
        assertThat(browser.findElement(By.id("awaiting-confirmation")).getText()).contains("待您确认的核定金额", number, name);
        shot("head-1366");
        phone();
        open("/review");
        fitsPhone("head 部门审核", false);
        WebElement waitingForHead = browser.findElement(By.id("awaiting-confirmation"));
        assertThat(waitingForHead.isDisplayed()).isTrue();
        browser.executeScript("arguments[0].click();", waitingForHead.findElement(By.linkText(number)));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-amount-form")));
        fitsPhone("head 申报详情", false);
        assertThat(browser.findElement(By.id("amount-proposal")).getText()).contains("拟核定 9,000.00 元", "平台测算 12,000.00 元");
        assertThat(browser.findElement(By.id("confirm-amount")).isDisplayed()).isTrue();
        shot("head-390-proposal");
        click(By.id("confirm-amount"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "已确认核定金额"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已核准");
        assertThat(browser.findElement(By.id("approved-amount")).getText()).isEqualTo("9,000.00 元");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("金额调整理由：发票金额中 3 万元为运费");
        shot("head-390");
        desktop();
        open("/review");
        assertThat(browser.findElements(By.xpath("//div[@id='awaiting-confirmation']//a[text()='" + number + "']")))
                .as("confirmed: no longer waiting for the head").isEmpty();

        // 公示 shows it to the public
        browser.manage().deleteAllCookies();
        open("/portal/disclosures?q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.id("disclosures")).getText()).contains(REVIEWED_NAME, "9,000.00");
        // five working days pass
        jdbc.sql("UPDATE fund_grant SET disclosure_until = current_date - 1 WHERE application_id = ?").param(id).update();

        // finance: ends the expired 公示; the money waits for the enterprise's account — listed, exported, reminded
        login("finance", "zhida-demo");
        open("/funds/batches");
        click(By.xpath("//button[text()='结束到期公示']"));
        flash("公示期满转入待拨付");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PAYABLE".equals(grantStatus(id)));
        open("/funds/batches");
        click(By.id("waiting-link")); // the batches page counts them and leads to the list
        WebElement waitingForAccount = browser.findElement(By.id("waiting-for-account"));
        assertThat(waitingForAccount.getText()).contains("待企业确认收款账户").containsPattern("第 1 / \\d+ 页，共 [\\d,]+ 条");
        WebElement find = waitingForAccount.findElement(By.name("q"));
        find.sendKeys(uscc, Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("waiting-for-account"), "共 1 条"));
        assertThat(browser.findElement(By.id("waiting-accounts")).getText()).as("found by its credit code").contains(name);
        waitingForAccount = browser.findElement(By.id("waiting-for-account"));
        String exportHref = waitingForAccount.findElement(By.linkText("导出 XLSX")).getAttribute("href");
        assertThat(firstColumn(download(exportHref))).as("the export lists the enterprise").contains(uscc);
        click(By.id("remind-accounts"));
        flash("家企业发送提醒");
        assertThat(browser.findElement(By.id("flash-message")).getText()).containsPattern("已向 [1-9]\\d* 家企业发送提醒");
        open("/funds/accounts/waiting?q=" + uscc);
        assertThat(browser.findElement(By.xpath("//div[@id='waiting-for-account']//tr[contains(., '" + name + "')]")).getText())
                .as("the reminder is on the enterprise's row").contains("（1 次）");
        shot("finance-1366");
        phone();
        open("/funds/batches");
        fitsPhone("finance 拨付批次", false);
        assertThat(browser.findElement(By.id("create-batch")).isDisplayed()).isTrue();
        open("/funds/accounts/waiting");
        fitsPhone("finance 待企业确认收款账户", false);
        assertThat(browser.findElement(By.id("remind-accounts")).isDisplayed()).isTrue();
        Map<String, Object> waitingCards = script(LayoutBrowserIT.TABLE, "waiting-accounts");
        assertThat(waitingCards.get("row")).as("each enterprise waiting for its account a card on a phone").isEqualTo("flex");
        assertThat(labels(waitingCards)).contains("笔数", "金额（元）", "最近提醒");
        shot("finance-390");

        // the enterprise, on its phone: the reminder leads to 收款账户, where it confirms the account
        login(login, "zhida-demo");
        open("/my/messages");
        fitsPhone("enterprise 消息", true);
        browser.findElement(By.xpath("//div[@id='messages']/a[contains(., '请确认收款账户')]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-title"), "请确认收款账户，以便拨付 9,000.00 元"));
        shot("enterprise-390-reminder");
        click(By.id("go-bank-account"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("account-form")));
        fitsPhone("enterprise 收款账户", true);
        assertThat(browser.findElement(By.id("my-grants")).getText()).contains(REVIEWED_NAME, "9,000.00");
        browser.findElement(By.name("accountName")).clear();
        browser.findElement(By.name("accountName")).sendKeys(name); // paid only to an account in the registered name
        browser.findElement(By.name("bankName")).clear();
        browser.findElement(By.name("bankName")).sendKeys("示范银行");
        browser.findElement(By.name("accountNo")).sendKeys("6222020000765432");
        click(By.cssSelector("#account-form button"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("current-account")));
        assertThat(browser.findElement(By.id("current-account")).getText()).contains(name, "示范银行");
        shot("enterprise-390-bank-account");
        desktop();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            open(detail);
            assertThat(browser.findElement(By.id("timeline")).getText()).contains("等待企业确认收款账户", "企业已确认收款账户");
        });

        // finance pays: a batch, the bank's result file
        login("finance", "zhida-demo");
        open("/funds/batches");
        assertThat(browser.findElements(By.xpath("//div[@id='waiting-for-account']//td[text()='" + name + "']"))).as("no longer waiting").isEmpty();
        click(By.id("create-batch"));
        flash("已生成拨付批次");
        WebElement line = browser.findElement(By.xpath("//table[@id='lines']/tbody/tr[contains(., '6222020000765432')]"));
        assertThat(line.getText()).contains(name, "9,000.00", REVIEWED_NAME);
        String lineNo = line.findElement(By.xpath("./td[1]")).getText();
        shot("finance-1366-batch");
        Path result = Files.writeString(Files.createTempFile("回单", ".csv"), "明细号,结果,失败原因\n" + lineNo + ",成功,\n");
        browser.findElement(By.cssSelector("#result-form input[type=file]")).sendKeys(result.toString());
        click(By.cssSelector("#result-form button"));
        flash("已导入银行回单：到账 1 笔");

        // the enterprise sees the money paid and rates the service
        login(login, "zhida-demo");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            open(detail);
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已兑付");
        });
        assertThat(browser.findElement(By.id("approved-amount")).getText()).isEqualTo("9,000.00 元");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("专窗受理", "审核核准", "资金已拨付", "系统自动")
                .as("people and the platform by name, not by login").doesNotContain("system", login, "· clerk", "· reviewer", "· head");
        assertThat(browser.findElement(By.id("timeline")).getText()).as("the department's internal four-eyes steps are not the applicant's")
                .doesNotContain("拟核定");
        new Select(browser.findElement(By.id("stars"))).selectByValue("5");
        browser.findElement(By.name("comment")).sendKeys("审核说明清楚，到账快");
        click(By.cssSelector("#rate-form button"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rating"), "★★★★★"));
        shot("enterprise-1366-paid");
        phone();
        open("/my/applications");
        fitsPhone("enterprise 我的申报", true);
        assertThat(browser.findElement(By.xpath("//table[@id='my-applications']/tbody/tr[contains(., '" + REVIEWED_NAME + "')]")).getText())
                .contains("已兑付", "9,000.00");
        shot("enterprise-390-paid");
    }

    // ------------------------------------------------------------------------------------------------------------------
    // leader: 领导驾驶舱 — figures with their period, a filter that changes them, a bad filter as a clear 400 page
    // ------------------------------------------------------------------------------------------------------------------

    @Test
    void theLeaderReadsTheCockpitWithItsPeriodFiltersItAndABadFilterIsAClear400() {
        desktop();
        login("leader", "zhida-demo");
        open("/cockpit");
        String to = Today.date().toString();
        String from = Today.date().minusYears(1).plusDays(1).toString();
        String kpis = browser.findElement(By.id("kpis")).getText();
        assertThat(kpis).contains("核定金额（元，" + from + " 至 " + to + "）", "已拨付（元，" + from + " 至 " + to + "）",
                "在线政策事项", "企业库", "申报", "超时未办");
        long city = tile(kpis, "企业库", "户");
        assertThat(city).as("the city's enterprises").isPositive();
        shot("leader-1366");

        // a county: the badge, the figures and the way back follow
        Select region = new Select(browser.findElement(By.cssSelector("#cockpit-filter select[name=region]")));
        String county = region.getOptions().get(1).getText();
        region.selectByIndex(1);
        click(By.xpath("//form[@id='cockpit-filter']//button[text()='查看']"));
        waiting().until(ExpectedConditions.urlContains("region="));
        assertThat(browser.findElement(By.cssSelector("main .badge")).getText()).isEqualTo(county);
        long inCounty = tile(browser.findElement(By.id("kpis")).getText(), "企业库", "户");
        assertThat(inCounty).as(county + "'s enterprises, fewer than the city's " + city).isPositive().isLessThan(city);
        assertThat(browser.findElement(By.linkText("← 返回全市")).isDisplayed()).isTrue();
        shot("leader-1366-county");

        // another period: every money figure says the new one
        browser.executeScript("document.querySelector('#cockpit-filter input[name=from]').value = arguments[0];"
                + "document.querySelector('#cockpit-filter input[name=to]').value = arguments[1];", Today.date().withDayOfYear(1).toString(), to);
        click(By.xpath("//form[@id='cockpit-filter']//button[text()='查看']"));
        waiting().until(ExpectedConditions.urlContains("from=" + Today.date().withDayOfYear(1)));
        assertThat(browser.findElement(By.id("kpis")).getText())
                .contains("核定金额（元，" + Today.date().withDayOfYear(1) + " 至 " + to + "）", "已拨付（元，" + Today.date().withDayOfYear(1) + " 至 " + to + "）");
        click(By.linkText("← 返回全市"));
        waiting().until(d -> !d.getCurrentUrl().contains("region="));
        assertThat(tile(browser.findElement(By.id("kpis")).getText(), "企业库", "户")).isEqualTo(city);

        // a filter naming nothing in this city: a 400 page that says what is wrong, with a way back
        open("/cockpit?region=xyz");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("400 输入有误");
        assertThat(browser.findElement(By.id("input-problems")).getText()).contains("区划代码应为 6 位数字");
        assertThat(browser.findElement(By.linkText("返回首页")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.className("zd-user-name")).getText()).as("still signed in, as the navbar says").isNotBlank();
        assertThat(browser.findElement(By.id("zd-menu")).getText()).contains("领导驾驶舱");
        shot("leader-1366-400");
        open("/cockpit?region=999999");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("400 输入有误");
        assertThat(browser.findElement(By.id("input-problems")).getText()).contains("没有这个县（区）：999999");
        open("/cockpit?industry=C1391");
        assertThat(browser.findElement(By.id("input-problems")).getText()).contains("A–T");

        phone();
        open("/cockpit");
        fitsPhone("leader 驾驶舱", false);
        assertThat(browser.findElement(By.id("kpis")).getText()).contains("核定金额（元，" + from + " 至 " + to + "）");
        assertThat(tile(browser.findElement(By.id("kpis")).getText(), "企业库", "户")).isEqualTo(city);
        shot("leader-390");
        open("/cockpit?region=999999");
        fitsPhone("leader 400", true);
        assertThat(browser.findElement(By.id("input-problems")).getText()).contains("没有这个县（区）：999999");
    }

    // ------------------------------------------------------------------------------------------------------------------
    // evaluator: the three rates with numerator and denominator, the records behind them, by another grouping
    // ------------------------------------------------------------------------------------------------------------------

    @Test
    void theEvaluatorSeesTheThreeRatesWithNumeratorsAndDenominatorsAndTheRecordsBehindThem() {
        desktop();
        login("evaluator", "zhida-demo");
        long started = System.nanoTime();
        open("/evaluation/rates");
        long millis = (System.nanoTime() - started) / 1_000_000;
        String rates = browser.findElement(By.id("city-rates")).getText();
        assertThat(rates).contains("全市政策知晓覆盖率", "全市政策办理满意率", "全市政策兑现到位率");
        List<long[]> fractions = fractions(rates);
        assertThat(fractions).as("numerator / denominator under each of the three rates: " + rates).hasSize(3);
        fractions.forEach(f -> assertThat(f[0]).isLessThanOrEqualTo(f[1]));
        assertThat(fractions.get(0)[1]).as("awareness counts the eligible enterprise × item pairs").isPositive();
        assertThat(browser.findElement(By.id("rates")).getText()).contains("知晓覆盖率", "分子/分母");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("footnotes speak to the reader, not of files").doesNotContain("docs/");
        shot("evaluator-1366");
        System.out.println("first hour: /evaluation/rates opened in " + millis + " ms");

        // the records behind the awareness rate
        click(By.xpath("(//div[@id='city-rates']//a[text()='查看明细'])[1]"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("records")));
        assertThat(browser.findElement(By.id("records")).getText()).isNotBlank();
        shot("evaluator-1366-records");

        // by department
        open("/evaluation/rates");
        new Select(browser.findElement(By.cssSelector("#rates-filter select[name=groupBy]"))).selectByValue("DEPARTMENT");
        click(By.xpath("//form[@id='rates-filter']//button[text()='统计']"));
        waiting().until(ExpectedConditions.urlContains("groupBy=DEPARTMENT"));
        assertThat(browser.findElement(By.cssSelector("#rates thead th")).getText()).isEqualTo("部门");

        // the indicator system: each leaf with its weight in the whole, adding up to 100
        open("/evaluation/indicators");
        List<String> weights = browser.findElements(By.className("leaf-weight")).stream().map(WebElement::getText).toList();
        assertThat(weights).as("leaf indicators").isNotEmpty().allMatch(w -> w.matches("（\\d+\\.\\d{2}）"), "a weight in brackets");
        if (browser.findElements(By.id("weight-problems")).isEmpty()) { // another test may have left the tree inconsistent, and said so
            assertThat(weights.stream().map(w -> new java.math.BigDecimal(w.substring(1, w.length() - 1))).reduce(java.math.BigDecimal.ZERO,
                    java.math.BigDecimal::add).doubleValue()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.5));
        }
        assertThat(browser.findElements(By.cssSelector("#indicator-tree button")).stream().filter(b -> b.getRect().getHeight() > 40)
                .map(WebElement::getText).toList()).as("buttons whose label breaks onto two lines").isEmpty();
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(DESKTOP);
        shot("evaluator-1366-indicators");

        // campaigns: the list and the form to start one are there
        open("/evaluation/campaigns");
        assertThat(browser.findElement(By.id("campaigns")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("create-campaign")).isDisplayed()).isTrue();

        phone();
        open("/evaluation/rates");
        fitsPhone("evaluator 三率", false);
        assertThat(fractions(browser.findElement(By.id("city-rates")).getText())).hasSize(3);
        shot("evaluator-390");
    }

    // ------------------------------------------------------------------------------------------------------------------
    // author: a draft, the sandbox against the budget (desktop and phone), submitted; the reviewer sees the estimate over
    // the budget and returns it with the reason, which the author reads on the list
    // ------------------------------------------------------------------------------------------------------------------

    @Test
    void theAuthorDraftsTriesTheDraftInTheSandboxAndTheReviewerReturnsItOverBudget() {
        String code = "T-FH-AUTHOR";
        String itemName = "首小时演练研发人员扩岗奖励";
        desktop();
        login("author", "zhida-demo");
        if (jdbc.sql("SELECT count(*) FROM policy_item WHERE code = ?").param(code).query(Long.class).single() == 0) {
            open("/catalog/items/new");
            browser.findElement(By.id("code")).sendKeys(code);
            browser.findElement(By.id("name")).sendKeys(itemName);
            new Select(browser.findElement(By.id("departments"))).selectByValue("C-JXJ");
            new Select(browser.findElement(By.id("mode"))).selectByValue("COMMITMENT");
            browser.findElement(By.id("conditionsText")).sendKeys("从业人员10人以上的企业");
            browser.findElement(By.id("condition")).sendKeys("e.employees >= 10 // 从业人员10人以上");
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("condition-check"), "规则有效"));
            browser.findElement(By.id("amountFormula")).sendKeys("e.employees * 500");
            browser.findElement(By.id("cap")).sendKeys("20000");
            browser.findElement(By.id("annualBudget")).sendKeys("100000");
            click(By.id("save-draft"));
            flash("已保存草稿：" + itemName);
        }
        open("/catalog/items");
        assertThat(browser.findElement(By.xpath("//table[@id='items']//tr[td[text()='" + code + "']]")).getText())
                .contains(itemName, "草稿");

        // the sandbox: the draft loaded by name, run against today's enterprises, the cost against the budget
        open("/matching/sandbox");
        new Select(browser.findElement(By.cssSelector("main form[method=get] select[name=item]"))).selectByValue(code);
        click(By.xpath("//main//form[@method='get']//button[text()='载入']"));
        waiting().until(d -> d.findElement(By.id("conditionA")).getDomProperty("value").contains("e.employees >= 10"));
        assertThat(browser.findElement(By.id("budget")).getDomProperty("value")).startsWith("100000");
        click(By.xpath("//form[@id='sandbox-form']//button[text()='开始推演']"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sandbox-results")));
        String results = browser.findElement(By.id("sandbox-results")).getText();
        long eligible = Long.parseLong(browser.findElement(By.className("sandbox-eligible")).getText().replace(",", ""));
        assertThat(eligible).as("enterprises with 10 or more employees in the demo city: " + results).isPositive();
        assertThat(results).contains("预计资金需求", "占年度预算", "超出预算");
        List<WebElement> sensitivity = browser.findElements(By.className("sandbox-sensitivity"));
        if (!sensitivity.isEmpty()) {
            assertThat(sensitivity.get(0).getText()).as("the thresholds in plain words").doesNotContainPattern(RULE_SYNTAX);
        }
        shot("author-1366");
        phone();
        open("/matching/sandbox?item=" + code);
        click(By.xpath("//form[@id='sandbox-form']//button[text()='开始推演']"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sandbox-results")));
        fitsPhone("author 沙盘推演", false);
        assertThat(browser.findElement(By.id("sandbox-results")).getText()).contains("超出预算");
        shot("author-390");
        desktop();

        // submitted for 标准化审查 from the list
        open("/catalog/items");
        click(By.xpath("//table[@id='items']//tr[td[text()='" + code + "']]//button[text()='提交审查']"));
        flash("已提交标准化审查");

        // the reviewer sees the sandbox's estimate against the budget, with the warning, and returns it
        login("reviewer", "zhida-demo");
        open("/catalog/review");
        browser.findElement(By.partialLinkText(itemName)).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-estimate")));
        assertThat(browser.findElement(By.id("review-estimate")).getText()).contains("户符合", "预计资金需求", "年度预算 100,000.00 元");
        assertThat(browser.findElement(By.id("estimate-over")).getText()).contains("预计资金需求超出年度预算");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the author by name").contains("编制人 ").doesNotContain("编制人 author");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("no empty value shown as null").doesNotContain("null");
        shot("reviewer-1366-catalog");
        browser.findElement(By.id("return-reason")).sendKeys("预计资金需求超出年度预算，请下调单户上限或调整预算后再提交");
        click(By.id("return"));
        flash("已退回修改 " + code);

        // the author reads why, and can edit it again
        login("author", "zhida-demo");
        open("/catalog/items");
        WebElement row = browser.findElement(By.xpath("//table[@id='items']//tr[td[text()='" + code + "']]"));
        assertThat(row.getText()).contains("退回理由：预计资金需求超出年度预算");
        assertThat(row.findElements(By.linkText("编辑"))).isNotEmpty();
        shot("author-1366-returned");
    }

    // ------------------------------------------------------------------------------------------------------------------

    private void importOnce(String code, String yaml) {
        if (jdbc.sql("SELECT count(*) FROM policy_item WHERE code = ?").param(code).query(Long.class).single() == 0) {
            exchange.importYaml(yaml, true);
        }
    }

    private boolean alreadyApplied(String username, String item) {
        return jdbc.sql("SELECT count(*) FROM application a JOIN app_user u ON u.enterprise_uscc = a.uscc WHERE u.username = ? AND a.item_code = ?")
                .params(username, item).query(Long.class).single() > 0;
    }

    /** The entry of an item in one of 我的政策's sections. */
    private static String itemEntry(String section, String code) {
        return "//div[@id='" + section + "']/div[contains(@class, 'list-group-item')][.//a[@href='/portal/items/" + code + "']]";
    }

    /** No rule syntax in what 我的政策 says of the demo city's items and of this test's own (other tests' fixtures aside). */
    @SuppressWarnings("unchecked")
    private void assertPlainWords() {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) browser.executeScript(POLICY_TEXTS);
        assertThat(entries).isNotEmpty();
        List<String> syntax = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            String code = (String) e.get("code");
            if (code.startsWith("T-") && !code.startsWith("T-FH-")) {
                continue;
            }
            for (Object text : (List<Object>) e.get("texts")) {
                if (RULE_SYNTAX.matcher(text.toString()).find() || LONG_DECIMAL.matcher(text.toString()).find()) {
                    syntax.add(e.get("section") + " " + code + ": " + text);
                }
            }
        }
        assertThat(syntax).as("rule syntax or unreadable figures shown to the enterprise").isEmpty();
    }

    /** Opens an application from a queue, following the pager when it is on a later page. */
    private void openFromQueue(String path, String number) {
        open(path);
        for (int page = 0; page < 50; page++) {
            List<WebElement> links = browser.findElements(By.xpath("//table[@id='queue']//a[text()='" + number + "']"));
            if (!links.isEmpty()) {
                links.get(0).click();
                waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
                return;
            }
            List<WebElement> next = browser.findElements(By.cssSelector("#pager a[rel=next], nav.zd-pager a[rel=next]"));
            assertThat(next).as(number + " in the queue " + path).isNotEmpty();
            next.get(0).click();
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        }
        throw new AssertionError(number + " not found in " + path);
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels(Map<String, Object> table) {
        return (List<String>) table.get("labels");
    }

    private static long tile(String kpis, String label, String unit) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*([\\d,]+) " + Pattern.quote(unit)).matcher(kpis);
        assertThat(m.find()).as(label + " in " + kpis).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static List<long[]> fractions(String text) {
        Matcher m = Pattern.compile("(\\d+) / (\\d+)").matcher(text);
        List<long[]> out = new ArrayList<>();
        while (m.find()) {
            out.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        return out;
    }

    /** Downloads a link with the browser's session, as the browser would. */
    private byte[] download(String url) throws IOException, InterruptedException {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static List<String> firstColumn(byte[] xlsx) throws IOException {
        List<String> values = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            for (Row row : book.getSheetAt(0)) {
                values.add(format.formatCellValue(row.getCell(0)));
            }
        }
        return values;
    }

    private String grantStatus(long applicationId) {
        return jdbc.sql("SELECT status FROM fund_grant WHERE application_id = ?").param(applicationId).query(String.class).single();
    }

    private void desktop() {
        browser.manage().window().setSize(new Dimension(DESKTOP, 900));
    }

    private void phone() {
        browser.manage().window().setSize(new Dimension(PHONE, 844));
    }

    private String currentPath() {
        return browser.getCurrentUrl().replaceAll("^https?://[^/]+", "");
    }



    /**
     * At phone width the page is no wider than the window. For the enterprise's and the public's pages (cards, not tables)
     * also nothing beyond the window's edge and no text in a column of single characters.
     */
    private void fitsPhone(String what, boolean strict) {
        Map<String, Object> page = script(LayoutBrowserIT.PHONE);
        assertThat(((Number) page.get("innerWidth")).intValue()).as(what).isEqualTo(PHONE);
        assertThat(((Number) page.get("scrollWidth")).intValue()).as(what + ": page wider than the phone").isLessThanOrEqualTo(PHONE);
        if (strict) {
            assertThat((List<?>) page.get("beyond")).as(what + ": shown beyond the window's edge").isEmpty();
            assertThat((List<?>) page.get("narrow")).as(what + ": text in a column of single characters").isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> script(String script, Object... args) {
        return (Map<String, Object>) browser.executeScript(script, args);
    }

    /** The whole page (not just the window) as PNG, to target/screenshots/first-hour-NAME.png. */
    private void shot(String name) {
        try {
            Files.createDirectories(SHOTS);
            byte[] png;
            try {
                Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
                Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
                double width = ((Number) size.get("width")).doubleValue();
                double height = Math.min(((Number) size.get("height")).doubleValue(), 5000);
                Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
                png = Base64.getDecoder().decode((String) shot.get("data"));
            } catch (RuntimeException e) {
                png = browser.getScreenshotAs(OutputType.BYTES);
            }
            Files.write(SHOTS.resolve("first-hour-" + name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
