package io.zhida.discipline.internal;

import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DisciplineMenu {

    @Bean
    MenuEntry findingsMenu() {
        return new MenuEntry("纪检监察", "监督发现", "/discipline", "超时办理、反复超时、失信企业获兑现、金额调整、自编自审、公示异议",
                Set.of(Role.INSPECTOR, Role.LEADER), 600);
    }

    @Bean
    MenuEntry cluesMenu() {
        return new MenuEntry("纪检监察", "线索移送", "/discipline/clues", "移送责任单位核查、单位答复、联合督办与办结",
                Set.of(Role.INSPECTOR, Role.LEADER), 610);
    }

    /** The unit's head answers the clues its unit is given, from the section it already has. */
    @Bean
    MenuEntry unitCluesMenu() {
        return new MenuEntry("评价督查", "纪检监察线索", "/discipline/clues", "纪检监察移送本单位核查的线索，逐条答复", Set.of(Role.DEPT_HEAD), 612);
    }
}
