package io.zhida.liaison.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiaisonMenu {

    @Bean
    MenuEntry liaisonOverviewMenu() {
        return new MenuEntry("评价督查", "三级帮包", "/liaison", "帮包分级规则、联系人分配、诉求闭环与督办",
                Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.INSPECTOR), 580);
    }

    @Bean
    MenuEntry liaisonOfficialMenu() {
        return new MenuEntry("评价督查", "我的帮包企业", "/liaison/my", "走访记录、企业诉求的响应与办结",
                EnumSet.of(Role.LEADER, Role.DEPT_HEAD, Role.REVIEWER, Role.CLERK, Role.EVALUATOR), 582);
    }

    @Bean
    MenuEntry liaisonEnterpriseMenu() {
        return new MenuEntry("我的企业", "帮包联系人", "/my/liaison", "您的帮包联系人，向其提出诉求并评价", Set.of(Role.ENTERPRISE), 95);
    }
}
