package io.zhida.cockpit.web;

import io.zhida.cockpit.Reports;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Spreadsheet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monthly and quarterly reports: the list, generating one now, downloads. */
@AccessRule(roles = {Role.LEADER, Role.EVALUATOR, Role.ADMIN, Role.FINANCE}, scope = DataScope.WHOLE_CITY)
@Controller
class ReportsController {

    private final Reports reports;
    private final Clock clock;

    ReportsController(Reports reports, Clock clock) {
        this.clock = clock;
        this.reports = reports;
    }

    @GetMapping("/cockpit/reports")
    String list(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.REPORT_READING.require(user);
        YearMonth last = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        model.addAttribute("reports", reports.all());
        model.addAttribute("lastMonth", last.toString());
        model.addAttribute("lastQuarter", (LocalDate.now(clock).getMonthValue() <= 3 ? LocalDate.now(clock).getYear() - 1 : LocalDate.now(clock).getYear())
                + "Q" + ((YearMonth.from(LocalDate.now(clock)).minusMonths(3).getMonthValue() - 1) / 3 + 1));
        return "cockpit/reports";
    }

    @PostMapping("/cockpit/reports")
    String generate(@RequestParam String kind, @RequestParam String period, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.REPORT_READING.require(user);
        try {
            flash.addFlashAttribute("message", "已生成：" + reports.generate(kind, period.trim(), user.getUsername()).title());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/cockpit/reports";
    }

    @GetMapping("/cockpit/reports/{id}.{type:pdf|xlsx}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String type, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.REPORT_READING.require(user);
        return Spreadsheet.download(reports.get(id).title() + "." + type, reports.file(id, type));
    }
}
