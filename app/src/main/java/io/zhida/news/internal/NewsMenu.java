package io.zhida.news.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NewsMenu {

    @Bean
    MenuEntry portalNewsMenu() {
        return new MenuEntry("政策库", "资讯动态", "/portal/news", "政策解读、工作动态、通知公告", Set.of(Role.values()), 340);
    }

    @Bean
    MenuEntry newsDeskMenu() {
        return new MenuEntry("政策库", "资讯动态管理", "/news/manage", "撰写、发布和撤下门户的政策解读、工作动态、通知公告", Set.of(Role.AUTHOR, Role.ADMIN), 350);
    }
}
