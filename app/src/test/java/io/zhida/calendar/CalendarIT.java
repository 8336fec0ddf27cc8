package io.zhida.calendar;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The shipped 2025–2026 schedule through the public API, without login. */
@ZhidaIntegrationTest
class CalendarIT {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2025-01-24, 1, 2025-01-26", // Sunday Jan 26 is a 调休 working day
            "2025-01-26, 1, 2025-01-27", // Monday Jan 27 is worked, then 春节 Jan 28 – Feb 4
            "2025-01-27, 1, 2025-02-05",
            "2025-02-05, 3, 2025-02-08", // Saturday Feb 8 is worked
            "2025-09-30, 1, 2025-10-09", // 国庆 Oct 1–8
            "2025-10-09, 2, 2025-10-11", // Saturday Oct 11 is worked
            "2025-12-31, 1, 2026-01-04", // 元旦 Jan 1–3 2026, Sunday Jan 4 is worked
            "2025-12-31, 0, 2025-12-31",
            "2026-01-03, 1, 2026-01-04",
            "2026-02-13, 1, 2026-02-14", // Saturday Feb 14 worked, 春节 Feb 15–23
            "2026-02-14, 1, 2026-02-24",
            "2026-02-27, 1, 2026-02-28",
            "2026-04-03, 1, 2026-04-07", // 清明 Apr 4–6
            "2026-04-30, 1, 2026-05-06", // 劳动节 May 1–5
            "2026-05-08, 1, 2026-05-09",
            "2026-06-18, 1, 2026-06-22", // 端午 Jun 19–21
            "2026-09-19, 1, 2026-09-20", // Sunday Sep 20 worked
            "2026-09-24, 1, 2026-09-28", // 中秋 Sep 25–27
            "2026-09-30, 1, 2026-10-08", // 国庆 Oct 1–7
            "2026-09-30, 10, 2026-10-20", // Oct 8, 9, 10 (Sat), 12–16, 19, 20
            "2026-12-31, 1, 2027-01-01"}) // no 2027 schedule: Monday–Friday
    void addsWorkingDaysFromTheDayAfter(String from, int days, String expected) throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days/add").param("from", from).param("days", String.valueOf(days)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.date").value(expected));
    }

    @Test
    void tellsWhetherADayIsWorkedAndWhy() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2026-10-01")).andExpect(jsonPath("$.workingDay").value(false))
                .andExpect(jsonPath("$.name").value("国庆节"));
        mvc.perform(get("/api/v1/calendar/days/2026-10-10")).andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.name").value("国庆节调休上班"));
        mvc.perform(get("/api/v1/calendar/days/2026-10-12")).andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.name").doesNotExist());
        mvc.perform(get("/api/v1/calendar/days/2026-10-11")).andExpect(jsonPath("$.workingDay").value(false));
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2026-13-01")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json")).andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2026-01-01").param("days", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2026-01-01").param("days", "ten"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
    }

    @Test
    void anAdministratorEntersANewYearAndOthersMayNot() throws Exception {
        Cookie clerk = Sessions.login(mvc, "clerk");
        mvc.perform(post("/calendar/days").param("date", "2030-01-01").param("working", "false").param("name", "元旦").cookie(clerk).with(csrf()))
                .andExpect(status().isForbidden());
        org.hamcrest.MatcherAssert.assertThat(mvc.perform(get("/calendar").param("year", "2030").cookie(clerk)).andReturn().getResponse()
                .getContentAsString(), org.hamcrest.Matchers.containsString("按周一至周五计算"));
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/calendar/days").param("date", "2030-01-01").param("working", "false").param("name", "元旦").cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/calendar/days/2030-01-01")).andExpect(jsonPath("$.workingDay").value(false))
                .andExpect(jsonPath("$.scheduleEntered").value(true));
        mvc.perform(post("/calendar/days").param("date", "2030-01-02").param("working", "true").param("name", "错误").cookie(admin).with(csrf()));
        mvc.perform(get("/api/v1/calendar/days/2030-01-02")).andExpect(jsonPath("$.name").doesNotExist()); // a Wednesday cannot be a make-up day
    }
}
