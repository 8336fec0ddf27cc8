package io.zhida.applications.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApplicationsMenu {

    @Bean
    MenuEntry myApplicationsMenu() {
        return new MenuEntry("我的企业", "我的申报", "/my/applications", "申报进度、办理时间线与评价", Set.of(Role.ENTERPRISE), 92);
    }

    @Bean
    MenuEntry windowQueueMenu() {
        return new MenuEntry("申报办理", "专窗受理", "/window", "受理、退回补正、不予受理、交办责任部门", Set.of(Role.CLERK), 300);
    }

    @Bean
    MenuEntry departmentReviewMenu() {
        return new MenuEntry("申报办理", "部门审核", "/review", "签收交办件，审核并核定金额", Set.of(Role.REVIEWER, Role.DEPT_HEAD), 310);
    }

    @Bean
    MenuEntry supervisionMenu() {
        return new MenuEntry("申报办理", "超时督办", "/supervision", "超过时限的环节，催办记录", Set.of(Role.DEPT_HEAD, Role.EVALUATOR, Role.ADMIN), 320);
    }
}
