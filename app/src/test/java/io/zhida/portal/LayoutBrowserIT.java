package io.zhida.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.demo.DemoAccounts;
import io.zhida.support.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, in a real Chromium: the navbar stays on one line at 1280 px (and at 1200–1920 px) for every demo role,
 * folds behind the menu button below 1200 px without any label breaking, and at phone width (390 × 844) the
 * enterprise's and the public's pages push nothing off-screen, their tables turned into labelled cards.
 * Screenshots of every case go to target/screenshots/ for a person to look at.
 */
class LayoutBrowserIT extends BrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    static final String ITEM = "T-LAYOUT-1";
    static final String ITEM_NAME = "中小微企业数字化转型升级设备购置补贴";

    /** How the navbar lays out: its height, whether it is folded, and which labels wrap, overlap or leave the window. */
    static final String NAVBAR = """
            const nav = document.querySelector('nav.zd-navbar');
            const collapsed = getComputedStyle(nav.querySelector('.navbar-toggler')).display !== 'none';
            const visible = e => e.offsetParent !== null && e.getBoundingClientRect().width > 0;
            const items = [nav.querySelector('.navbar-brand'),
              ...nav.querySelectorAll('#zdNav .navbar-nav > .nav-item > .nav-link, #zdNav .navbar-nav > .nav-item .btn, #zdNav > .btn')]
              .filter(visible);
            const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
              let count = 0, bottom = -Infinity; // a line starts below the one before (spans of other sizes share a line)
              for (const x of [...r.getClientRects()].filter(x => x.width > 0).sort((a, b) => a.top - b.top)) {
                if (x.top >= bottom - 2) { count++; bottom = x.bottom; } else { bottom = Math.max(bottom, x.bottom); }
              }
              return count; };
            const text = e => e.textContent.replace(/\\s+/g, ' ').trim();
            const rects = items.map(e => ({t: text(e), r: e.getBoundingClientRect()}));
            const sorted = rects.slice().sort((a, b) => a.r.left - b.r.left);
            const overlaps = [];
            for (let i = 1; i < sorted.length; i++) {
              if (sorted[i - 1].r.right > sorted[i].r.left + 0.5) overlaps.push(sorted[i - 1].t + ' / ' + sorted[i].t);
            }
            const centres = rects.map(x => (x.r.top + x.r.bottom) / 2);
            return {
              collapsed: collapsed,
              height: Math.round(nav.getBoundingClientRect().height),
              rowSpread: collapsed ? 0 : Math.round(Math.max(...centres) - Math.min(...centres)),
              wrapped: items.filter(e => lines(e) > 1).map(text),
              overlaps: overlaps,
              beyond: rects.filter(x => x.r.right > document.documentElement.clientWidth + 0.5).map(x => x.t),
              labels: items.map(text),
              innerWidth: window.innerWidth
            };
            """;

    /**
     * At phone width: the page no wider than the window, nothing shown beyond its edges (also not inside a box that
     * scrolls sideways), and no text broken into a column of one or two characters a line.
     */
    static final String PHONE = """
            const root = document.querySelector('main') || document.body;
            const width = document.documentElement.clientWidth;
            const shown = e => e.offsetParent !== null && e.getBoundingClientRect().width > 0
              && !e.closest('.visually-hidden, .dropdown-menu');
            const narrow = [];
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const t = n.textContent.replace(/\\s+/g, '');
              if (t.length < 3 || !shown(n.parentElement)) continue;
              const r = document.createRange();
              r.selectNodeContents(n);
              const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size;
              if (lines >= 3 && t.length / lines < 2.5) narrow.push(t.slice(0, 20) + '（' + lines + ' 行）');
            }
            const beyond = [...root.querySelectorAll('*')].filter(shown)
              .filter(e => e.getBoundingClientRect().right > width + 1 || e.getBoundingClientRect().left < -1)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + e.textContent.replace(/\\s+/g, ' ').trim().slice(0, 20));
            return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
              narrow: narrow, beyond: beyond.slice(0, 10)};
            """;

    /** How a table's first data row is drawn: as a table row, or as a card with a label before each value. */
    static final String TABLE = """
            const table = document.getElementById(arguments[0]);
            const row = [...table.tBodies[0].rows].find(r => !r.querySelector('td[colspan]'));
            const label = td => getComputedStyle(td, '::before').content.replace(/^"|"$/g, '');
            return {head: getComputedStyle(table.tHead).display, row: row ? getComputedStyle(row).display : 'none',
              rowWidth: row ? Math.round(row.getBoundingClientRect().width) : 0, text: row ? row.textContent : '',
              labels: row ? [...row.cells].map(label).filter(l => l !== 'none' && l !== '') : []};
            """;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;

    @AfterEach
    void windowAsOtherTestsExpectIt() {
        browser.manage().window().setSize(new Dimension(1400, 900));
    }

    @Test
    void theNavbarIsOneLineAt1280PxForEveryRoleAndFoldsBelow1200() throws IOException {
        for (DemoAccounts.Account account : DemoAccounts.ALL) {
            browser.manage().window().setSize(new Dimension(1280, 900));
            login(account.username(), "zhida-demo");
            open("/workbench");
            checkNavbar(account.username(), 1280);
            screenshot("navbar-" + account.username() + "-1280");
            for (int width : new int[] {1200, 1440, 1920}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                checkNavbar(account.username(), width);
            }
            browser.manage().window().setSize(new Dimension(1199, 900));
            assertThat(navbar().get("collapsed")).as(account.username() + " at 1199 px: behind the menu button").isEqualTo(true);
        }
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        open("/");
        checkNavbar("anonymous", 1280);
        screenshot("navbar-anonymous-1280");
    }

    @Test
    void atPhoneWidthTheMenuOpensWithEveryLabelOnOneLine() throws IOException {
        for (String username : List.of("head", "admin", "enterprise")) {
            browser.manage().window().setSize(new Dimension(390, 844));
            login(username, "zhida-demo");
            open("/workbench");
            assertThat(navbar().get("collapsed")).isEqualTo(true);
            browser.findElement(By.cssSelector("nav.zd-navbar .navbar-toggler")).click();
            waiting().until(d -> {
                String classes = d.findElement(By.id("zdNav")).getAttribute("class");
                return classes.contains("show") && !classes.contains("collapsing");
            });
            Map<String, Object> nav = navbar();
            assertThat((List<?>) nav.get("wrapped")).as(username + " 390 px menu: labels on two lines").isEmpty();
            assertThat((List<?>) nav.get("beyond")).as(username + " 390 px menu: beyond the window").isEmpty();
            assertThat(pageWidth()).as(username + " 390 px: page wider than the window").isLessThanOrEqualTo(390);
            screenshot("navbar-" + username + "-390-open");
        }
    }

    @Test
    void atPhoneWidthTheEnterprisesAndThePublicsPagesFitAndTheirTablesAreCards() throws IOException {
        enterpriseHasAnApplicationAndAGrantOnDisclosure();
        login("enterprise", "zhida-demo");

        browser.manage().window().setSize(new Dimension(1280, 900));
        open("/portal/disclosures");
        assertTable("disclosures", "enterprise 1280 公示", false);
        screenshot("desktop-enterprise-disclosures");
        open("/my/applications");
        assertTable("my-applications", "enterprise 1280 我的申报", false);
        screenshot("desktop-enterprise-my-applications");

        browser.manage().window().setSize(new Dimension(390, 844));
        Map<String, String> enterprisePages = new java.util.LinkedHashMap<>();
        enterprisePages.put("disclosures", "/portal/disclosures");
        enterprisePages.put("my-applications", "/my/applications");
        enterprisePages.put("my-policies", "/my/policies");
        enterprisePages.put("messages", "/my/messages");
        enterprisePages.put("policies", "/portal/policies");
        enterprisePages.put("profile", "/my/enterprise");
        enterprisePages.put("bank-account", "/my/bank-account");
        enterprisePages.put("my-appeals", "/my/appeals");
        enterprisePages.put("workbench", "/workbench");
        enterprisePages.forEach((name, path) -> phonePage("enterprise", name, path));
        open("/portal/disclosures");
        Map<String, Object> disclosures = assertTable("disclosures", "enterprise 390 公示", true);
        assertThat(labels(disclosures)).contains("信用代码", "事项", "金额（元）", "公示期");
        open("/my/applications");
        Map<String, Object> mine = assertTable("my-applications", "enterprise 390 我的申报", true);
        assertThat(labels(mine)).contains("申报编号", "提交时间", "状态", "核定金额");
        assertThat((String) mine.get("text")).contains(ITEM_NAME);
        open("/my/applications");
        browser.findElement(By.partialLinkText("SQ")).click(); // the card's number opens the application
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        phonePage("enterprise", "application", browser.getCurrentUrl().replaceAll("^https?://[^/]+", ""));

        browser.manage().deleteAllCookies();
        Map<String, String> publicPages = new java.util.LinkedHashMap<>();
        publicPages.put("disclosures", "/portal/disclosures");
        publicPages.put("home", "/");
        publicPages.put("policies", "/portal/policies");
        publicPages.put("item", "/portal/items/" + ITEM);
        publicPages.forEach((name, path) -> phonePage("anonymous", name, path));
        open("/portal/disclosures");
        assertTable("disclosures", "anonymous 390 公示", true);
    }

    @Test
    void atPhoneWidthStaffListsAreCardsToo() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        login("finance", "zhida-demo");
        phonePage("finance", "pools", "/funds/pools");
        assertTable("pools", "finance 390 资金池", true);
        phonePage("finance", "grants", "/funds/grants");
        browser.manage().window().setSize(new Dimension(1280, 900));
        open("/funds/pools");
        assertTable("pools", "finance 1280 资金池", false);
        browser.manage().window().setSize(new Dimension(390, 844));
        login("clerk", "zhida-demo");
        phonePage("clerk", "window", "/window");
        phonePage("clerk", "enterprises", "/enterprises");
        login("evaluator", "zhida-demo");
        phonePage("evaluator", "b2b", "/evaluation/b2b");
        phonePage("evaluator", "ledger", "/rectification");
        login("leader", "zhida-demo");
        phonePage("leader", "cockpit", "/cockpit");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /** 即申即享 for the demo enterprise, applied for in the browser: approved at once (秒批) and put on 公示. */
    private void enterpriseHasAnApplicationAndAGrantOnDisclosure() {
        if (jdbc.sql("SELECT count(*) FROM policy_item WHERE code = ?").param(ITEM).query(Long.class).single() == 0) {
            exchange.importYaml("""
                    documents: []
                    items:
                      - code: %s
                        name: %s
                        departments: [C-JXJ]
                        mode: 即申即享
                        condition: e.employees >= 1 // 有从业人员
                        benefit_type: 资金补贴
                        amount: "8000"
                        time_limit_days: 5
                        annual_budget: 1000000
                    """.formatted(ITEM, ITEM_NAME), true);
        }
        if (jdbc.sql("SELECT count(*) FROM application a JOIN app_user u ON u.enterprise_uscc = a.uscc "
                + "WHERE u.username = 'enterprise' AND a.item_code = ?").param(ITEM).query(Long.class).single() == 0) {
            browser.manage().window().setSize(new Dimension(1280, 900));
            login("enterprise", "zhida-demo");
            open("/applications/new?item=" + ITEM);
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
            if (!browser.findElements(By.id("commitment")).isEmpty()) {
                browser.executeScript("arguments[0].click()", browser.findElement(By.id("commitment")));
            }
            browser.executeScript("arguments[0].click()", browser.findElement(By.id("submit-application")));
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已核准"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM fund_grant WHERE item_code = ? AND status = 'DISCLOSING'").param(ITEM)
                .query(Long.class).single()).isPositive();
    }

    private void checkNavbar(String who, int width) {
        Map<String, Object> nav = navbar();
        String as = who + " at " + width + " px " + nav.get("labels");
        assertThat(((Number) nav.get("innerWidth")).intValue()).as(as).isEqualTo(width);
        assertThat(nav.get("collapsed")).as(as + ": the menu is shown, not behind the button").isEqualTo(false);
        assertThat(((Number) nav.get("height")).intValue()).as(as + ": navbar height").isLessThan(70);
        assertThat(((Number) nav.get("rowSpread")).intValue()).as(as + ": entries on one row").isLessThan(10);
        assertThat((List<?>) nav.get("wrapped")).as(as + ": labels on two lines").isEmpty();
        assertThat((List<?>) nav.get("overlaps")).as(as + ": labels over each other").isEmpty();
        assertThat((List<?>) nav.get("beyond")).as(as + ": beyond the window").isEmpty();
    }

    private void phonePage(String who, String name, String path) {
        open(path);
        Map<String, Object> page = script(PHONE);
        String as = who + " 390 px " + path;
        assertThat(((Number) page.get("innerWidth")).intValue()).as(as).isEqualTo(390);
        assertThat(((Number) page.get("scrollWidth")).intValue()).as(as + ": page wider than the window").isLessThanOrEqualTo(390);
        assertThat((List<?>) page.get("beyond")).as(as + ": shown beyond the window's edge").isEmpty();
        assertThat((List<?>) page.get("narrow")).as(as + ": text in a column of single characters").isEmpty();
        try {
            screenshot("phone-" + who + "-" + name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Object> assertTable(String id, String as, boolean cards) {
        Map<String, Object> table = script(TABLE, id);
        assertThat(table.get("row")).as(as + ": a data row is there").isNotEqualTo("none");
        if (cards) {
            assertThat(table.get("head")).as(as + ": column heads hidden").isEqualTo("none");
            assertThat(table.get("row")).as(as + ": the row is a card").isEqualTo("flex");
            assertThat((List<?>) table.get("labels")).as(as + ": each value has its label").isNotEmpty();
            assertThat(((Number) table.get("rowWidth")).intValue()).as(as + ": card width").isLessThanOrEqualTo(390);
        } else {
            assertThat(table.get("head")).as(as).isEqualTo("table-header-group");
            assertThat(table.get("row")).as(as + ": still a table row on the desktop").isEqualTo("table-row");
            assertThat((List<?>) table.get("labels")).as(as + ": no labels on the desktop").isEmpty();
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels(Map<String, Object> table) {
        return (List<String>) table.get("labels");
    }

    private Map<String, Object> navbar() {
        return script(NAVBAR);
    }

    private long pageWidth() {
        return ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> script(String script, Object... args) {
        return (Map<String, Object>) browser.executeScript(script, args);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
