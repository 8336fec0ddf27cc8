package io.zhida.funds.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FundsMenu {

    private static final Set<Role> STAFF = Set.of(Role.FINANCE, Role.ADMIN, Role.LEADER, Role.EVALUATOR);

    @Bean
    MenuEntry poolsMenu() {
        return new MenuEntry("资金兑付", "资金池", "/funds/pools", "各事项年度预算、已核定、已拨付与余额", STAFF, 400);
    }

    @Bean
    MenuEntry batchesMenu() {
        return new MenuEntry("资金兑付", "拨付批次", "/funds/batches", "生成银行拨付文件，导入银行回单，失败重拨", STAFF, 410);
    }

    @Bean
    MenuEntry runsMenu() {
        return new MenuEntry("资金兑付", "免申即享", "/funds/runs", "按匹配结果自动核定发放，运行报告", STAFF, 420);
    }

    @Bean
    MenuEntry objectionsMenu() {
        Set<Role> viewers = Set.of(Role.FINANCE, Role.ADMIN, Role.LEADER, Role.EVALUATOR, Role.REVIEWER, Role.DEPT_HEAD);
        return new MenuEntry("资金兑付", "公示异议", "/funds/objections", "公示期间收到的异议：受理核查或不予受理，答复", viewers, 430);
    }

    @Bean
    MenuEntry bankAccountMenu() {
        return new MenuEntry("我的企业", "收款账户", "/my/bank-account", "确认对公账户，查看核定与拨付的资金", Set.of(Role.ENTERPRISE), 93);
    }
}
