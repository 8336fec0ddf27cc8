package io.zhida.evaluation;

import io.zhida.backtoback.BackToBack;
import io.zhida.platform.Today;
import io.zhida.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages people open from an SMS link or a QR code, in a real Chromium: the forms must post as they are. */
class EvaluationBrowserIT extends BrowserTest {

    @Autowired
    BackToBack backToBack;
    @Autowired
    JdbcClient jdbc;


    @Test
    void aDrawnEvaluatorAnswersByLinkAndAVisitorRatesAWindowByQrCode() {
        long round = backToBack.startRound("界面测试轮次", 10, Today.date().minusMonths(1), Today.date(), 99L, "evaluator");
        String token = jdbc.sql("SELECT token FROM b2b_draw WHERE round_id = ? LIMIT 1").param(round).query(String.class).single();
        browser.manage().deleteAllCookies();
        open("/portal/b2b/" + token);
        BackToBack.Target first = backToBack.targets().get(0);
        click(By.cssSelector("input[name='" + first.key() + "'][value='4']"));
        click(By.id("b2b-submit"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "提交成功"));
        assertThat(browser.findElement(By.id("answered")).getText()).contains("您已提交本轮评价");
        assertThat(jdbc.sql("SELECT score FROM b2b_answer WHERE token = ?").param(token).query(Integer.class).list()).containsExactly(4);

        login("enterprise", "zhida-demo");
        open("/portal/rate/DEPARTMENT/C-ZWFW");
        assertThat(browser.findElement(By.id("unit-name")).getText()).isNotBlank();
        click(By.cssSelector("input[name='stars'][value='4']"));
        click(By.cssSelector("input[name='aspects'][value='办事效率']"));
        click(By.id("rate-submit"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "评价已收到"));
        click(By.id("rate-submit"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-error"), "每人每天一次"));
        assertThat(jdbc.sql("SELECT stars FROM unit_rating WHERE unit_code = 'C-ZWFW' AND person = 'enterprise'").query(Integer.class).list())
                .containsExactly(4);
    }
}
