package io.zhida.catalog.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.PublicEndpoints;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog's public API paths and its entries in the navigation. */
@Configuration(proxyBeanMethods = false)
class CatalogEndpoints {

    @Bean
    PublicEndpoints catalogPublicApi() {
        return new PublicEndpoints("/api/v1/calculator", "/api/v1/policy-items", "/api/v1/policy-documents/**");
    }

    @Bean
    MenuEntry authoringMenu() {
        return new MenuEntry("政策库", "事项编制", "/catalog/items", "新建、修改、提交审查政策事项；条件生成器与规则校验",
                Set.of(Role.AUTHOR, Role.ADMIN), 300);
    }

    @Bean
    MenuEntry documentsMenu() {
        return new MenuEntry("政策库", "政策文件", "/catalog/documents", "录入政策文件，上传 PDF、DOCX、HTML 自动提取全文",
                Set.of(Role.AUTHOR, Role.ADMIN), 305);
    }

    @Bean
    MenuEntry reviewMenu() {
        return new MenuEntry("政策库", "标准化审查", "/catalog/review", "逐项核对审查要点，通过发布或退回修改",
                Set.of(Role.REVIEWER, Role.DEPT_HEAD), 310);
    }

    @Bean
    MenuEntry legalReviewMenu() {
        return new MenuEntry("政策库", "合法性审查", "/catalog/legal-review", "司法局审查政策文件的合法性，通过后事项方可发布",
                Set.of(Role.REVIEWER, Role.DEPT_HEAD), 312);
    }

    @Bean
    MenuEntry portalLibraryMenu() {
        return new MenuEntry("政策库", "政策查询", "/portal/policies", "按主题、行业、部门、办理方式检索在线政策",
                Set.of(Role.values()), 320);
    }

    @Bean
    MenuEntry calculatorMenu() {
        return new MenuEntry("政策库", "政策计算器", "/portal/calculator", "填入企业数据，测算是否符合条件及可享金额",
                Set.of(Role.values()), 330);
    }
}
