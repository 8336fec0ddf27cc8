package io.zhida.calendar.web;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.calendar.WorkingTime;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历: a year at a glance, and the administrator's form for holidays and make-up days. */
@AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
@Controller
class CalendarPageController {

    /** One cell of a month grid; date is null for the blanks before the 1st. */
    record Cell(LocalDate date, boolean working, boolean weekend, String name) {
    }

    record Month(int month, List<Cell> cells) {
    }

    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarPageController(WorkingCalendar calendar, Clock clock) {
        this.clock = clock;
        this.calendar = calendar;
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.PUBLIC)
    @GetMapping("/calendar")
    String year(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2100) {
            y = LocalDate.now(clock).getYear();
        }
        WorkingTime time = calendar.time();
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(y, m);
            List<Cell> cells = new ArrayList<>();
            for (int blank = 1; blank < ym.atDay(1).getDayOfWeek().getValue(); blank++) {
                cells.add(new Cell(null, false, false, null));
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                cells.add(new Cell(date, time.isWorkingDay(date), date.getDayOfWeek().getValue() >= 6, time.nameOf(date)));
            }
            months.add(new Month(m, cells));
        }
        model.addAttribute("year", y);
        model.addAttribute("months", months);
        model.addAttribute("scheduled", time.hasSchedule(y));
        model.addAttribute("source", calendar.scheduleSource(y).orElse(null));
        model.addAttribute("listed", calendar.listedDays(y));
        model.addAttribute("workingDays", time.workingDaysBetween(LocalDate.of(y - 1, 12, 31), LocalDate.of(y, 12, 31)));
        return "calendar/year";
    }

    @PostMapping("/calendar/days")
    String setDay(@RequestParam String date, @RequestParam boolean working, @RequestParam String name,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        AccessPolicy.ADMINISTRATION.require(user);
        LocalDate d = parse(date, redirect);
        if (d != null) {
            try {
                calendar.setDay(d, working, name);
                redirect.addFlashAttribute("message", "已保存：" + d + " " + (working ? "调休上班" : "放假") + "（" + name.trim() + "）");
            } catch (InvalidInputException e) {
                redirect.addFlashAttribute("error", e.errors().get(0).message());
            }
        }
        return "redirect:/calendar?year=" + (d == null ? LocalDate.now(clock).getYear() : d.getYear());
    }

    @PostMapping("/calendar/days/delete")
    String removeDay(@RequestParam String date, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        AccessPolicy.ADMINISTRATION.require(user);
        LocalDate d = parse(date, redirect);
        if (d != null) {
            calendar.removeDay(d);
            redirect.addFlashAttribute("message", "已删除 " + d + " 的安排，按周一至周五计算");
        }
        return "redirect:/calendar?year=" + (d == null ? LocalDate.now(clock).getYear() : d.getYear());
    }

    @PostMapping("/calendar/years")
    String confirmYear(@RequestParam int year, @RequestParam(required = false) String source,
                       @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        AccessPolicy.ADMINISTRATION.require(user);
        calendar.confirmYear(year, source);
        redirect.addFlashAttribute("message", year + " 年节假日安排已确认录入");
        return "redirect:/calendar?year=" + year;
    }

    private static LocalDate parse(String date, RedirectAttributes redirect) {
        try {
            return LocalDate.parse(date.trim());
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", "日期应为 YYYY-MM-DD");
            return null;
        }
    }
}
