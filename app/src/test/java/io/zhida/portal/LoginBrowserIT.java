package io.zhida.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A person opens the portal, signs in through the form, and lands on the workbench. */
class LoginBrowserIT extends BrowserTest {

    /** Starts from the home page, as a visitor would. */
    private void loginFromHome(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/");
        assertThat(browser.getTitle()).contains("首页");
        browser.findElement(By.linkText("登录")).click();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        waiting().until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void anEnterpriseUserSignsInAndSeesItsWorkbench() {
        loginFromHome("enterprise", "zhida-demo");
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        assertThat(browser.findElement(By.id("workbench")).getText()).contains("工作台", "企业办事员", "数据范围：本企业");
        assertThat(browser.findElement(By.id("my-enterprise-name")).getText()).isNotBlank();
        browser.findElement(By.linkText("查看企业档案")).click();
        assertThat(browser.findElement(By.id("enterprise-name")).getText())
                .isEqualTo(browser.getTitle().replace(" · 直达 惠企政策直达平台", ""));
    }

    @Test
    void aWrongPasswordIsSaidInChinese() {
        loginFromHome("clerk", "not-the-password");
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误");
    }

    @Test
    void theAdministratorReachesUserManagementFromTheWorkbench() {
        loginFromHome("admin", "zhida-demo");
        var link = browser.findElement(By.cssSelector("#workbench a[href='/admin/users']"));
        browser.executeScript("arguments[0].click()", link); // the tile sits below the fold of the headless window
        waiting().until(d -> d.getCurrentUrl().contains("/admin/users"));
        assertThat(browser.findElement(By.id("users")).getText()).contains("enterprise", "专窗受理员", "市政务服务和资源交易中心");
    }
}
