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

    @Bean
    MenuEntry messageSettingsMenu() {
        return new MenuEntry("我的企业", "消息接收设置", "/my/messages/settings", "选择是否同时接收短信、电子邮件", Set.of(Role.ENTERPRISE), 96);
    }

    @Bean
    MenuEntry outboxMenu() {
        return new MenuEntry("系统管理", "短信与邮件发件箱", "/notify/outbox", "推送短信、电子邮件的发送记录", Set.of(Role.ADMIN), 900);
    }
}
