package io.zhida.cockpit.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CockpitMenu {

    @Bean
    MenuEntry cockpitEntry() {
        return new MenuEntry("领导驾驶舱", "驾驶舱", "/cockpit", "匹配、申报、核准、兑付、三率、排名与整改，一屏总览并逐级下钻",
                Set.of(Role.LEADER, Role.EVALUATOR, Role.ADMIN, Role.DEPT_HEAD, Role.FINANCE), 10);
    }

    @Bean
    MenuEntry reportsEntry() {
        return new MenuEntry("领导驾驶舱", "兑现报告", "/cockpit/reports", "兑现月报与季度资金报告（PDF、XLSX），按月自动生成",
                Set.of(Role.LEADER, Role.EVALUATOR, Role.ADMIN, Role.FINANCE), 20);
    }
}
