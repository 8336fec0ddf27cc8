package io.zhida.insight.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InsightMenu {

    @Bean
    MenuEntry demandInsightMenu() {
        return new MenuEntry("政策库", "诉求分析", "/insight", "企业诉求、评价、问卷和帮包诉求中的热词、话题和走势，政策诉求月报",
                Set.of(Role.AUTHOR, Role.REVIEWER, Role.DEPT_HEAD, Role.EVALUATOR, Role.LEADER, Role.ADMIN), 360);
    }
}
