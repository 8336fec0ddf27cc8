package io.zhida.identity.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityMenu {

    private static final String SECTION = "系统管理";

    @Bean
    MenuEntry usersMenu() {
        return new MenuEntry(SECTION, "用户与角色", "/admin/users", "账号、角色、所属部门与数据范围，解锁与停用", Set.of(Role.ADMIN), 900);
    }

    @Bean
    MenuEntry regionsMenu() {
        return new MenuEntry(SECTION, "行政区划", "/admin/regions", "市、县（区）区划代码（GB/T 2260）", Set.of(Role.ADMIN), 910);
    }

    @Bean
    MenuEntry departmentsMenu() {
        return new MenuEntry(SECTION, "部门与单位", "/admin/departments", "市级、县级部门与公用事业单位", Set.of(Role.ADMIN), 920);
    }

    @Bean
    MenuEntry agentsMenu() {
        return new MenuEntry("我的企业", "经办人授权", "/my/agents", "法定代表人授权员工以个人账号代企业办理", Set.of(Role.ENTERPRISE), 95);
    }

    @Bean
    MenuEntry clientsMenu() {
        return new MenuEntry(SECTION, "对接系统", "/admin/clients", "12345、财政国库等系统的接口凭据、权限与停用", Set.of(Role.ADMIN), 925);
    }

    @Bean
    MenuEntry auditMenu() {
        return new MenuEntry(SECTION, "审计日志", "/admin/audit", "谁在何时做了什么，修改前后对比", Set.of(Role.ADMIN), 930);
    }
}
