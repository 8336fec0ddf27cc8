package io.zhida.retention.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RetentionMenu {

    @Bean
    MenuEntry retentionDeskMenu() {
        return new MenuEntry("政策库", "文件清理", "/retention", "发文部门提出继续有效、修改、废止、失效意见，司法局审查后公布保留清单",
                Set.of(Role.REVIEWER, Role.DEPT_HEAD, Role.AUTHOR, Role.ADMIN), 315);
    }
}
