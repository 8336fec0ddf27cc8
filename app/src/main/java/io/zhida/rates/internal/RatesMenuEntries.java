package io.zhida.rates.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RatesMenuEntries {

    private static final Set<Role> READERS = Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN);

    @Bean
    MenuEntry ratesMenu() {
        return new MenuEntry("评价督查", "三率评估", "/evaluation/rates", "知晓覆盖率、办理满意率、兑现到位率，分子分母可追溯", READERS, 500);
    }
}
