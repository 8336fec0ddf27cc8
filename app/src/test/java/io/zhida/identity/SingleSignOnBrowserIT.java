package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.support.Browser;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import provider.ProvinceIdentityProvider;

/**
 * Sign-in through the province's unified identity service, in Chromium, against a real OpenID Connect provider
 * (Spring Authorization Server): an enterprise's 法人 account gets its account bound to its 统一社会信用代码, its
 * 法定代表人 authorizes a 经办人 who signs in with a personal account and applies under their own name, withdrawing the
 * authorization stops them, signing out ends the provider's session too, and staff without an account here are refused.
 * Its own application context and database (the provider must be up before the app reads its discovery document).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"zhida.embedded-db.data-dir=target/it-postgres-sso", "zhida.demo.enterprises=300"})
class SingleSignOnBrowserIT {

    static final int APP = freePort();
    static final int PROVIDER = freePort();
    static ConfigurableApplicationContext provider;
    static ChromeDriver browser;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange library;

    @DynamicPropertySource
    static void identityService(DynamicPropertyRegistry registry) {
        provider = ProvinceIdentityProvider.start(PROVIDER, "http://localhost:" + APP);
        String client = "spring.security.oauth2.client.registration.province.";
        registry.add("server.port", () -> APP);
        registry.add(client + "client-id", () -> ProvinceIdentityProvider.CLIENT_ID);
        registry.add(client + "client-secret", () -> ProvinceIdentityProvider.CLIENT_SECRET);
        registry.add(client + "scope", () -> "openid,profile");
        registry.add(client + "authorization-grant-type", () -> "authorization_code");
        registry.add(client + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.province.issuer-uri", () -> "http://127.0.0.1:" + PROVIDER);
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anEnterpriseSignsInItsLegalRepresentativeAuthorizesAnAgentWhoAppliesAndStaffWithoutAnAccountAreRefused() {
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE employees >= 1 AND uscc NOT IN "
                + "(SELECT enterprise_uscc FROM app_user WHERE enterprise_uscc IS NOT NULL) ORDER BY uscc LIMIT 1").query(String.class).single();
        String name = jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single();
        ProvinceIdentityProvider.PEOPLE.put("legal-rep", Map.of("name", "王法人", "account_type", "LEGAL_PERSON", "uscc", uscc));
        ProvinceIdentityProvider.PEOPLE.put("agent-li", Map.of("name", "李经办", "account_type", "NATURAL_PERSON", "id_number", "510100199001011235"));
        ProvinceIdentityProvider.PEOPLE.put("staff-clerk", Map.of("name", "专窗张", "preferred_username", "clerk"));
        ProvinceIdentityProvider.PEOPLE.put("staff-nobody", Map.of("name", "无账号", "preferred_username", "no-such-staff"));
        library.importYaml("""
                documents: []
                items:
                  - code: T-SSO-APPLY
                    name: 统一身份认证申报测试补贴
                    departments: [C-JXJ]
                    mode: 承诺即享
                    condition: e.employees >= 1 // 有从业人员
                    materials: []
                    benefit_type: 资金补贴
                    amount: "8000"
                    time_limit_days: 10
                    annual_budget: 500000
                """, true);

        // the 法人 account's first sign-in: an account bound to the enterprise, its person the 法定代表人
        signIn("legal-rep");
        assertThat(browser.getCurrentUrl()).as(() -> browser.getPageSource()).endsWith("/workbench");
        open("/my/agents");
        assertThat(text("agents")).contains("王法人").contains("法定代表人");
        assertThat(jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE display_name = '王法人（法定代表人）'").query(String.class).single())
                .isEqualTo(uscc);
        browser.findElement(By.id("personName")).sendKeys("李经办");
        browser.findElement(By.id("idNumber")).sendKeys("510100199001011234"); // a wrong check digit
        browser.findElement(By.cssSelector("#agent-form button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-error"), "身份证号校验位不正确"));
        browser.findElement(By.id("personName")).sendKeys("李经办");
        browser.findElement(By.id("idNumber")).sendKeys("510100199001011235");
        browser.findElement(By.cssSelector("#agent-form button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents"), "5101**********1235"));
        shot("sso-agents");

        // signing out of Zhida ends the provider's session too: the next sign-in asks for a password again
        signOut();

        // the 经办人 signs in with a personal account, acts for the enterprise, and applies under their own name
        signIn("agent-li");
        open("/my/enterprise");
        assertThat(browser.getPageSource()).contains(name);
        open("/portal/items/T-SSO-APPLY");
        click(By.id("apply-link"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
        click(By.id("commitment"));
        click(By.id("submit-application"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "待受理"));
        assertThat(jdbc.sql("SELECT a.uscc FROM application a WHERE a.item_code = 'T-SSO-APPLY'").query(String.class).single()).isEqualTo(uscc);
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'application.submit' ORDER BY id DESC LIMIT 1").query(String.class).single())
                .as("recorded under the 经办人's own account").isEqualTo(jdbc.sql("SELECT username FROM app_user WHERE display_name = '李经办（经办人）'")
                        .query(String.class).single());
        signOut();

        // the 法定代表人 withdraws the authorization: the 经办人 is refused from then on
        signIn("legal-rep");
        open("/my/agents");
        browser.findElement(By.cssSelector("#agents form button")).click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept(); // 撤销后该经办人账号即时停用，确定撤销？
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents"), "已撤销"));
        signOut();
        signIn("agent-li");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "已停用或授权已撤销"));
        shot("sso-refused");

        // staff: matched to an existing account by the configured claim, never created from it
        signIn("staff-clerk");
        waiting().until(d -> d.getCurrentUrl().endsWith("/workbench"));
        assertThat(browser.getPageSource()).contains("专窗");
        signOut();
        long users = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
        signIn("staff-nobody");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "未找到与该统一身份认证账号对应的工作人员账号"));
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).as("no account made from a claim").isEqualTo(users);
    }

    /** For a person to look at: target/screenshots/NAME.png. */
    private void shot(String name) {
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", name + ".png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Through Zhida's login page to the provider's, and back. */
    private void signIn(String person) {
        open("/login");
        if ("legal-rep".equals(person)) {
            shot("sso-login");
        }
        click(By.id("sso-login"));
        waiting().until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:" + PROVIDER));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys(person);
        browser.findElement(By.name("password")).sendKeys("pw-" + person);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().startsWith("http://localhost:" + APP));
    }

    /** The navbar's sign-out, then the provider's end-session round trip back to Zhida's login page. */
    private void signOut() {
        open("/workbench");
        click(By.id("zd-logout"));
        waiting().withMessage(() -> "signed out to " + browser.getCurrentUrl() + "\n" + browser.getPageSource())
                .until(d -> d.getCurrentUrl().contains("/login?logout"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + APP + path);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void click(By by) {
        browser.executeScript("arguments[0].click();", browser.findElement(by));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
