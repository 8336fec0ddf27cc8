package io.zhida.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The working-day calendar on its own: a year nobody entered, a holiday and a make-up day, who may change it. */
@ModuleTest
class CalendarModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "calendar");
    }

    @Autowired
    WorkingCalendar calendar;
    @Autowired
    UserAdministration users;
    @Autowired
    MockMvc mvc;

    @Test
    void aHolidayAndAMakeUpDayMoveDeadlinesAndTheApiSaysSo() throws Exception {
        LocalDate thursday = LocalDate.of(2031, 5, 1);
        assertThat(calendar.time().hasSchedule(2031)).as("nobody entered 2031").isFalse();
        assertThat(calendar.addWorkingDays(thursday, 1)).as("Mon–Fri guessed").isEqualTo(LocalDate.of(2031, 5, 2));

        calendar.setDay(LocalDate.of(2031, 5, 2), false, "劳动节");
        calendar.setDay(LocalDate.of(2031, 5, 3), true, "劳动节调休");
        assertThat(calendar.addWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2031, 5, 3));
        mvc.perform(get("/api/v1/calendar/days/2031-05-02")).andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDay").value(false)).andExpect(jsonPath("$.name").value("劳动节"))
                .andExpect(jsonPath("$.scheduleEntered").value(true));
        mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2031-05-01").param("days", "2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.date").value("2031-05-05"));
        mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2031-02-30").param("days", "1"))
                .andExpect(status().isBadRequest());

        calendar.removeDay(LocalDate.of(2031, 5, 2));
        assertThat(calendar.addWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2031, 5, 2));
    }

    @Test
    void onlyAnAdministratorChangesTheCalendar() throws Exception {
        users.create(new UserAdministration.UserForm("calendar-leader", "日历测试领导", "leader-password-1", Set.of(Role.LEADER),
                null, null, null, null));
        Cookie leader = Sessions.login(mvc, "calendar-leader", "leader-password-1");
        mvc.perform(post("/calendar/days").cookie(leader).with(csrf()).param("date", "2032-05-03").param("working", "false")
                .param("name", "劳动节")).andExpect(status().isForbidden());
        assertThat(calendar.time().nameOf(LocalDate.of(2032, 5, 3))).isNull();

        Cookie admin = Sessions.login(mvc, "admin", ModuleDatabase.ADMIN_PASSWORD);
        mvc.perform(post("/calendar/days").cookie(admin).with(csrf()).param("date", "2032-05-03").param("working", "false")
                .param("name", "劳动节")).andExpect(status().is3xxRedirection());
        assertThat(calendar.time().isWorkingDay(LocalDate.of(2032, 5, 3))).isFalse();
    }
}
