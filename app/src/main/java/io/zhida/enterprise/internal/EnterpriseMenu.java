package io.zhida.enterprise.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EnterpriseMenu {

    @Bean
    MenuEntry enterprisesMenu() {
        return new MenuEntry("企业画像", "企业库", "/enterprises", "一企一档：按名称、信用代码、县（区）查找企业",
                EnumSet.complementOf(EnumSet.of(Role.ENTERPRISE)), 200);
    }

    @Bean
    MenuEntry myEnterpriseMenu() {
        return new MenuEntry("我的企业", "企业档案", "/my/enterprise", "本企业在平台上的基本信息、经营与资质数据",
                Set.of(Role.ENTERPRISE), 100);
    }
}
