package io.zhida.evaluation.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EvaluationMenu {

    private static final Set<Role> READERS = Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN);

    @Bean
    MenuEntry campaignsMenu() {
        return new MenuEntry("评价督查", "三评活动", "/evaluation/campaigns", "指标体系、部门自评、企业问卷、第三方评，计分排名与报告",
                Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.DEPT_HEAD, Role.REVIEWER), 510);
    }

    @Bean
    MenuEntry surveysMenu() {
        return new MenuEntry("评价督查", "问卷调查", "/evaluation/surveys", "问卷设计、短信/站内信发放、电话访问录入、配额进度", READERS, 520);
    }

    @Bean
    MenuEntry itemDecisionsMenu() {
        return new MenuEntry("评价督查", "评估结论", "/evaluation/decisions", "每项政策事中事后评估的结论：继续、调整、停止，作为财政拨付依据", READERS, 525);
    }
}
