package io.zhida.calendar.web;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.calendar.WorkingTime;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public working-day arithmetic, so other systems count time limits the way the platform does. */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
@RestController
class CalendarApiController {

    private static final int MAX_DAYS = 3650;

    private final WorkingCalendar calendar;

    CalendarApiController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/calendar/working-days/add")
    Map<String, Object> add(@RequestParam String from, @RequestParam String days) {
        LocalDate start = date("from", from);
        int n;
        try {
            n = Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("days", "应为 0 到 " + MAX_DAYS + " 之间的整数");
        }
        if (n < 0 || n > MAX_DAYS) {
            throw new InvalidInputException("days", "应为 0 到 " + MAX_DAYS + " 之间的整数");
        }
        LocalDate result = calendar.addWorkingDays(start, n);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", result.toString());
        body.put("scheduleEntered", calendar.time().hasSchedule(start.getYear()) && calendar.time().hasSchedule(result.getYear()));
        return body;
    }

    @GetMapping("/api/v1/calendar/days/{date}")
    Map<String, Object> day(@PathVariable String date) {
        LocalDate d = date("date", date);
        WorkingTime time = calendar.time();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", d.toString());
        body.put("workingDay", time.isWorkingDay(d));
        body.put("name", time.nameOf(d));
        body.put("scheduleEntered", time.hasSchedule(d.getYear()));
        return body;
    }

    private static LocalDate date(String field, String text) {
        return io.zhida.platform.Inputs.date(text, field, "日期"); // exists, YYYY-MM-DD, 1900–2100
    }
}
