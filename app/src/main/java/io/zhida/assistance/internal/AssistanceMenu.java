package io.zhida.assistance.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssistanceMenu {

    @Bean
    MenuEntry myAssistanceMenu() {
        return new MenuEntry("我的企业", "帮办代办", "/my/assistance", "请政策专员帮您准备申报材料，核对后由您确认提交", Set.of(Role.ENTERPRISE), 94);
    }

    @Bean
    MenuEntry agentDeskMenu() {
        return new MenuEntry("帮办代办", "我的帮办", "/assistance/agent", "接单、收取材料、请企业确认提交、跟踪办理", Set.of(Role.AGENT), 200);
    }

    @Bean
    MenuEntry centreMenu() {
        return new MenuEntry("申报办理", "帮办代办中心", "/assistance/centre", "收单、派单，专员工作量、办理时长与企业评价", Set.of(Role.CLERK), 210);
    }

    @Bean
    MenuEntry centreSupervisionMenu() {
        return new MenuEntry("评价督查", "帮办代办", "/assistance/centre", "帮办申请、专员工作量、办理时长与企业评价",
                Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.INSPECTOR), 565);
    }
}
