package io.zhida.calendar.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.PublicEndpoints;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarEndpoints {

    @Bean
    PublicEndpoints calendarApi() {
        return new PublicEndpoints("/api/v1/calendar/**");
    }

    @Bean
    MenuEntry calendarMenu() {
        return new MenuEntry("系统管理", "工作日历", "/calendar", "法定节假日与调休上班日，办理时限按工作日计算",
                Set.of(Role.ADMIN, Role.CLERK, Role.REVIEWER, Role.DEPT_HEAD, Role.EVALUATOR, Role.FINANCE), 940);
    }
}
