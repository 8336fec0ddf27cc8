package io.zhida.matching.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MatchingMenu {

    @Bean
    MenuEntry myPoliciesMenu() {
        return new MenuEntry("我的企业", "我的政策", "/my/policies", "平台为本企业匹配的政策：符合的、预计金额、还需补充的数据",
                Set.of(Role.ENTERPRISE), 90);
    }

    @Bean
    MenuEntry sandboxMenu() {
        return new MenuEntry("政策找企业", "沙盘推演", "/matching/sandbox", "发布前测算政策草案的覆盖企业数、资金需求与分布，可两个方案对比",
                EnumSet.of(Role.AUTHOR, Role.ADMIN, Role.REVIEWER, Role.DEPT_HEAD, Role.LEADER, Role.EVALUATOR), 255);
    }

    @Bean
    MenuEntry matchListsMenu() {
        return new MenuEntry("政策找企业", "符合条件企业", "/matching/items", "每个在线事项的符合条件企业名单，可按县（区）筛选、导出",
                EnumSet.complementOf(EnumSet.of(Role.ENTERPRISE)), 250);
    }
}
