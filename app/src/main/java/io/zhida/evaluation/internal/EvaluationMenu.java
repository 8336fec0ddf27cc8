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
    MenuEntry ratesMenu() {
        return new MenuEntry("评价督查", "三率评估", "/evaluation/rates", "知晓覆盖率、办理满意率、兑现到位率，分子分母可追溯", READERS, 500);
    }

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
    MenuEntry backToBackMenu() {
        return new MenuEntry("评价督查", "背靠背评价", "/evaluation/b2b", "样本库、等比例随机抽取、80/20 计分、排名与结果运用", READERS, 530);
    }

    @Bean
    MenuEntry qrWallMenu() {
        return new MenuEntry("评价督查", "码上评二维码", "/evaluation/units", "窗口和部门的评价二维码，一次一评、一事一评", READERS, 540);
    }
}
