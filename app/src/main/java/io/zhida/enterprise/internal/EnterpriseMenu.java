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
    MenuEntry importsMenu() {
        return new MenuEntry("企业画像", "数据导入", "/enterprises/imports", "导入数据共享交换平台的企业数据（CSV、XLSX、JSON），查看进度与有误的行",
                Set.of(Role.ADMIN), 210);
    }

    @Bean
    MenuEntry attributesMenu() {
        return new MenuEntry("企业画像", "企业属性", "/enterprises/attributes", "数据标准中的属性及其来源，声明新的企业属性",
                Set.of(Role.ADMIN), 220);
    }

    @Bean
    MenuEntry tagRulesMenu() {
        return new MenuEntry("企业画像", "标签规则", "/enterprises/tag-rules", "用规则给企业打标签，如规上工业企业",
                Set.of(Role.ADMIN), 230);
    }

    @Bean
    MenuEntry correctionsMenu() {
        return new MenuEntry("企业画像", "数据纠错", "/enterprises/corrections", "企业对本部门负责数据提出的更正申请",
                EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.DEPT_HEAD), 240);
    }

    @Bean
    MenuEntry myEnterpriseMenu() {
        return new MenuEntry("我的企业", "企业档案", "/my/enterprise", "本企业在平台上的基本信息、经营与资质数据",
                Set.of(Role.ENTERPRISE), 100);
    }
}
