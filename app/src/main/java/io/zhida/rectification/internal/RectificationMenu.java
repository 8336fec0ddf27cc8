package io.zhida.rectification.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RectificationMenu {

    @Bean
    MenuEntry ledgerMenu() {
        return new MenuEntry("评价督查", "整改台账", "/rectification", "问题清单、责任单位、整改时限、回头看；周调度、月督导",
                Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.DEPT_HEAD, Role.REVIEWER, Role.CLERK), 550);
    }

    @Bean
    MenuEntry appealsDeskMenu() {
        return new MenuEntry("评价督查", "企业诉求", "/appeals", "企业投诉与诉求的交办、答复、评价",
                Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.DEPT_HEAD, Role.REVIEWER), 560);
    }

    @Bean
    MenuEntry myAppealsMenu() {
        return new MenuEntry("我的企业", "我的诉求", "/my/appeals", "对政策或部门提出投诉、诉求，查看答复并评价", Set.of(Role.ENTERPRISE), 96);
    }
}
