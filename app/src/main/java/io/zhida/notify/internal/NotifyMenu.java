package io.zhida.notify.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotifyMenu {

    @Bean
    MenuEntry inboxMenu() {
        return new MenuEntry("我的企业", "消息", "/my/messages", "政策推送与办理进度消息", Set.of(Role.ENTERPRISE), 95);
    }
}
