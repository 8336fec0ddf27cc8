package io.zhida.callback.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CallbackMenu {

    @Bean
    MenuEntry callbackDeskMenu() {
        return new MenuEntry("评价督查", "回访中心", "/callbacks", "每日按县（区）配额抽取办结件，按话术回访，不满意转整改",
                Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN), 585);
    }
}
