package io.zhida.backtoback.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BackToBackMenuEntries {

    private static final Set<Role> READERS = Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN);

    @Bean
    MenuEntry backToBackMenu() {
        return new MenuEntry("评价督查", "背靠背评价", "/evaluation/b2b", "样本库、等比例随机抽取、80/20 计分、排名与结果运用", READERS, 530);
    }

    @Bean
    MenuEntry qrWallMenu() {
        return new MenuEntry("评价督查", "码上评二维码", "/evaluation/units", "窗口和部门的评价二维码，一次一评、一事一评", READERS, 540);
    }
}
