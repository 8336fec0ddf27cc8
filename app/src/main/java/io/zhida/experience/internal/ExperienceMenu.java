package io.zhida.experience.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExperienceMenu {

    @Bean
    MenuEntry experienceTasksMenu() {
        return new MenuEntry("评价督查", "体验官体验", "/experience", "派发体验任务、组织核查、建账定责、复查销号",
                Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN), 570);
    }

    @Bean
    MenuEntry poolMenu() {
        return new MenuEntry("评价督查", "体验官与专家库", "/experience/members", "招募遴选、聘期管理", Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN), 575);
    }

    @Bean
    MenuEntry officerMenu() {
        return new MenuEntry("体验官", "我的体验任务", "/experience/my", "按问卷体验服务、记录问题与证据、复查整改", Set.of(Role.OFFICER), 100);
    }
}
