package io.zhida.consultation.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsultationMenu {

    @Bean
    MenuEntry consultationDeskMenu() {
        return new MenuEntry("政策库", "意见征询", "/consultations", "发布前就事项草稿征求企业、部门意见，逐条答复并公布",
                Set.of(Role.AUTHOR, Role.ADMIN), 305);
    }
}
