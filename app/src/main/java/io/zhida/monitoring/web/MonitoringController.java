package io.zhida.monitoring.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.monitoring.Monitoring;
import io.zhida.monitoring.MonitoringPoints;
import io.zhida.platform.FormActions;
import io.zhida.platform.PageQuery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The evaluation office's view of the points and their reports; the supervisor's report page. */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.INSPECTOR}, scope = DataScope.WHOLE_CITY)
@Controller
class MonitoringController {

    private final MonitoringPoints points;
    private final Organisations organisations;

    MonitoringController(MonitoringPoints points, Organisations organisations) {
        this.points = points;
        this.organisations = organisations;
    }

    @GetMapping("/monitoring")
    String overview(@RequestParam(required = false) Monitoring.Status status, PageQuery page, Model model) {
        model.addAttribute("points", points.points());
        model.addAttribute("observations", points.observations(null, status).page(page));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Monitoring.Status.values());
        model.addAttribute("kinds", Monitoring.PointKind.values());
        model.addAttribute("counties", organisations.counties());
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("regionNames", organisations.regionNames());
        return "monitoring/overview";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/monitoring/points")
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) Monitoring.PointKind kind,
                    @RequestParam(required = false) String region, @RequestParam(required = false) String supervisor,
                    @RequestParam(required = false) String contact, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> points.register(user, name, kind, region, supervisor, contact), "已设立监测点", "/monitoring", flash);
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/monitoring/points/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> points.deactivate(user, id), "已撤销监测点", "/monitoring", flash);
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/monitoring/observations/{id}/handle")
    String handle(@PathVariable long id, @RequestParam boolean accept, @RequestParam(required = false) String department,
                  @RequestParam(defaultValue = "10") int workingDays, @RequestParam(required = false) String reply,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> points.handle(user, id, accept, department, workingDays, reply), accept ? "已转入整改台账" : "已答复",
                "/monitoring", flash);
    }

    @AccessRule(roles = {Role.ENTERPRISE, Role.OFFICER}, scope = DataScope.OWN_ACCOUNT)
    @GetMapping("/monitoring/report")
    String reportPage(@AuthenticationPrincipal ZhidaUser user, Model model) {
        var point = points.pointOf(user).orElse(null);
        model.addAttribute("point", point);
        model.addAttribute("mine", point == null ? null : points.observations(point.id(), null).page(new PageQuery(1, 50)));
        model.addAttribute("departments", organisations.departments());
        return "monitoring/report";
    }

    @AccessRule(roles = {Role.ENTERPRISE, Role.OFFICER}, scope = DataScope.OWN_ACCOUNT)
    @PostMapping("/monitoring/report")
    String report(@RequestParam(required = false) Monitoring.ObservationKind kind, @RequestParam(required = false) String content,
                  @RequestParam(required = false) String department, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> points.report(user, kind, content, department), "已报送，营商环境部门将及时处理", "/monitoring/report", flash);
    }
}
