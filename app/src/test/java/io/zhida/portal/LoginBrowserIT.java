package io.zhida.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.support.Browser;
import io.zhida.support.ZhidaIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person opens the portal, signs in through the form, and lands on the workbench. */
@ZhidaIntegrationTest
class LoginBrowserIT {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void login(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(browser.getTitle()).contains("首页");
        browser.findElement(By.linkText("登录")).click();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void anEnterpriseUserSignsInAndSeesItsWorkbench() {
        login("enterprise", "zhida-demo");
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        assertThat(browser.findElement(By.id("workbench")).getText()).contains("工作台", "企业办事员", "数据范围：本企业");
        assertThat(browser.findElement(By.id("my-enterprise-name")).getText()).isNotBlank();
        browser.findElement(By.linkText("查看企业档案")).click();
        assertThat(browser.findElement(By.id("enterprise-name")).getText())
                .isEqualTo(browser.getTitle().replace(" · 直达 惠企政策直达平台", ""));
    }

    @Test
    void aWrongPasswordIsSaidInChinese() {
        login("clerk", "not-the-password");
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误");
    }

    @Test
    void theAdministratorReachesUserManagementFromTheWorkbench() {
        login("admin", "zhida-demo");
        browser.findElement(By.cssSelector("#workbench a[href='/admin/users']")).click();
        assertThat(browser.findElement(By.id("users")).getText()).contains("enterprise", "专窗受理员", "市政务服务和资源交易中心");
    }
}
