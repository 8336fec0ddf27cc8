package io.zhida.monitoring.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MonitoringMenu {

    @Bean
    MenuEntry monitoringOverviewMenu() {
        return new MenuEntry("评价督查", "监测点", "/monitoring", "商会、协会、企业和驻外机构监测点及其监督员的报送与处理",
                Set.of(Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.INSPECTOR), 590);
    }

    @Bean
    MenuEntry monitoringReportMenu() {
        return new MenuEntry("我的企业", "监测报送", "/monitoring/report", "作为营商环境监测点，报送监测意见和投诉", Set.of(Role.ENTERPRISE), 120);
    }

    @Bean
    MenuEntry officerReportMenu() {
        return new MenuEntry("体验官", "监测报送", "/monitoring/report", "作为监测点监督员，报送监测意见和投诉", Set.of(Role.OFFICER), 120);
    }
}
