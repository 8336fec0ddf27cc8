package io.zhida.evaluation.web;

import io.zhida.evaluation.Campaign;
import io.zhida.evaluation.CampaignReport;
import io.zhida.evaluation.Campaigns;
import io.zhida.evaluation.Indicator;
import io.zhida.evaluation.Indicators;
import io.zhida.evaluation.Surveys;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.Unit;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Spreadsheet;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 三评 pages: campaigns, the indicator editor, a department's self-evaluation, scoring, reports. */
@AccessRule(audience = Audience.STAFF, scope = DataScope.CITY_FIGURES)
@Controller
class CampaignController {

    private final Campaigns campaigns;
    private final Indicators indicators;
    private final CampaignReport report;
    private final Surveys surveys;
    private final Organisations organisations;
    private final Clock clock;

    CampaignController(Campaigns campaigns, Indicators indicators, CampaignReport report, Surveys surveys, Organisations organisations, Clock clock) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.indicators = indicators;
        this.report = report;
        this.surveys = surveys;
        this.organisations = organisations;
    }

    @GetMapping("/evaluation/campaigns")
    String list(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.STAFF.require(user);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("schemes", indicators.schemes());
        model.addAttribute("items", campaigns.items());
        model.addAttribute("departments", organisations.cityDepartments());
        model.addAttribute("counties", organisations.counties());
        model.addAttribute("today", today);
        model.addAttribute("officer", isOfficer(user));
        model.addAttribute("myDepartment", organisations.departmentCodeOf(user).orElse(null));
        model.addAttribute("defaultHalf", today.getMonthValue() <= 6 ? 1 : 2);
        return "evaluation/campaigns";
    }

    @GetMapping("/evaluation/campaigns/export.xlsx")
    ResponseEntity<byte[]> exportList(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.STAFF.require(user);
        try (Spreadsheet sheet = Spreadsheet.of("三评活动", List.of("编号", "活动", "评估期间起", "评估期间止", "自评截止", "参评部门", "参评县（区）", "状态"))) {
            campaigns.all().forEach(c -> sheet.row(c.id(), c.name(), c.periodFrom(), c.periodTo(), c.selfDeadline(), c.departments().size(),
                    c.counties().size(), c.status().equals("SCORED") ? "已计分" : "评估中"));
            return Spreadsheet.download("三评活动-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/campaigns")
    String create(@RequestParam String name, @RequestParam long scheme,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate selfDeadline,
                  @RequestParam(required = false) List<String> items, @RequestParam(required = false) List<String> departments,
                  @RequestParam(required = false) List<String> counties, @RequestParam(defaultValue = "60") BigDecimal threshold,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        try {
            long id = campaigns.create(name, scheme, from, to, selfDeadline, items == null ? List.of() : items,
                    departments == null ? List.of() : departments, counties == null ? List.of() : counties, threshold, user.getUsername());
            flash.addFlashAttribute("message", "评估活动已发起，参评部门可以开始自评");
            return "redirect:/evaluation/campaigns/" + id;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
            return "redirect:/evaluation/campaigns";
        }
    }

    @GetMapping("/evaluation/campaigns/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.STAFF.require(user);
        Campaign c = campaigns.get(id);
        List<Campaign.Result> results = campaigns.results(id);
        model.addAttribute("c", c);
        model.addAttribute("scheme", indicators.scheme(c.schemeId()));
        model.addAttribute("selfStatus", campaigns.selfStatus(id));
        model.addAttribute("surveys", surveys.all(id));
        model.addAttribute("thirdParties", campaigns.thirdParties(id));
        model.addAttribute("thirdLeaves", indicators.leaves(c.schemeId()).keySet().stream().filter(i -> i.source() == Indicator.Source.THIRD_PARTY).toList());
        model.addAttribute("counties", results.stream().filter(r -> r.kind().equals("COUNTY")).toList());
        model.addAttribute("departments", results.stream().filter(r -> r.kind().equals("DEPARTMENT")).toList());
        Map<String, String> names = new LinkedHashMap<>();
        c.counties().forEach(x -> names.put(Unit.county(x).key(), organisations.unitName("COUNTY", x)));
        c.departments().forEach(x -> names.put(Unit.department(x).key(), organisations.unitName("DEPARTMENT", x)));
        model.addAttribute("targetNames", names);
        model.addAttribute("officer", isOfficer(user));
        model.addAttribute("myDepartment", organisations.departmentCodeOf(user).orElse(null));
        return "evaluation/campaign";
    }

    @GetMapping("/evaluation/campaigns/{id}/units/{kind}/{code}")
    String unit(@PathVariable long id, @PathVariable String kind, @PathVariable String code, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.STAFF.require(user);
        model.addAttribute("c", campaigns.get(id));
        model.addAttribute("unitName", organisations.unitName(kind, code));
        model.addAttribute("kind", kind);
        model.addAttribute("code", code);
        model.addAttribute("leaves", campaigns.leafScores(id, kind, code));
        model.addAttribute("problems", campaigns.problems(id, kind, code));
        return "evaluation/campaign-unit";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/campaigns/{id}/score")
    String score(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        campaigns.score(id, user.getUsername());
        flash.addFlashAttribute("message", "已按指标体系计分排名");
        return "redirect:/evaluation/campaigns/" + id;
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/campaigns/{id}/ledger")
    String ledger(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        try {
            flash.addFlashAttribute("message", "已将 " + campaigns.toLedger(id, user.getUsername()) + " 个单位的问题清单列入整改台账");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/evaluation/campaigns/" + id;
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/campaigns/{id}/remind")
    String remind(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        flash.addFlashAttribute("message", "已发出 " + campaigns.remind() + " 条自评提醒/逾期警示");
        return "redirect:/evaluation/campaigns/" + id;
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/campaigns/{id}/third-party")
    String thirdParty(@PathVariable long id, @RequestParam String target, @RequestParam long indicator, @RequestParam(required = false) BigDecimal score,
                      @RequestParam String finding, @RequestParam String checker, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        String[] t = target.split(":", 2);
        try {
            campaigns.addThirdParty(id, t[0], t.length > 1 ? t[1] : "", indicator, score, finding, checker);
            flash.addFlashAttribute("message", "已登记第三方核查记录");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/evaluation/campaigns/" + id;
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/evaluation/campaigns/{id}/self/{department}")
    String selfForm(@PathVariable long id, @PathVariable String department, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.STAFF.require(user);
        if (!isOfficer(user) && !user.has(Role.LEADER) && !organisations.departmentCodeOf(user).map(department::equals).orElse(false)) {
            throw new AccessDeniedException("another department's self-evaluation");
        }
        Campaign c = campaigns.get(id);
        model.addAttribute("c", c);
        model.addAttribute("department", department);
        model.addAttribute("departmentName", organisations.unitName("DEPARTMENT", department));
        model.addAttribute("leaves", campaigns.selfLeaves(c));
        model.addAttribute("answers", campaigns.selfAnswers(id, department));
        model.addAttribute("status", campaigns.selfStatus(id).stream().filter(s -> s.department().equals(department)).findFirst().orElse(null));
        // only the department itself, and only while the campaign is open: a scored campaign's self-evaluation is read-only
        model.addAttribute("editable", "OPEN".equals(c.status()) && organisations.departmentCodeOf(user).map(department::equals).orElse(false));
        return "evaluation/self";
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/evaluation/campaigns/{id}/self/{department}")
    String saveSelf(@PathVariable long id, @PathVariable String department, @RequestParam Map<String, String> params,
                    @RequestParam(defaultValue = "false") boolean submit, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        Map<Long, BigDecimal> scores = new LinkedHashMap<>();
        Map<Long, String> notes = new LinkedHashMap<>();
        try {
            params.forEach((k, v) -> {
                if (k.matches("score-\\d{1,18}")) {
                    long leaf = Long.parseLong(k.substring(6));
                    try {
                        scores.put(leaf, io.zhida.platform.Inputs.optionalDecimal(v, "score", "自评分"));
                    } catch (NumberFormatException | InvalidInputException e) {
                        throw new InvalidInputException("score", "自评分应为数字");
                    }
                    notes.put(leaf, params.get("note-" + leaf));
                }
            });
            campaigns.saveSelf(id, department, scores, notes, submit, user);
            flash.addFlashAttribute("message", submit ? "自评已提交" : "已暂存");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/evaluation/campaigns/" + id + "/self/" + department;
    }

    @GetMapping("/evaluation/campaigns/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String unit, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.STAFF.require(user);
        String[] u = unit == null || unit.isBlank() ? null : unit.split(":", 2);
        Campaign c = campaigns.get(id);
        String name = c.name() + (u == null ? "-全市" : "-" + organisations.unitName(u[0], u[1])) + "-评估报告.pdf";
        return Spreadsheet.download(name, report.pdf(id, u == null ? null : u[0], u == null ? null : u[1]));
    }

    @GetMapping("/evaluation/campaigns/{id}/report.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.STAFF.require(user);
        return Spreadsheet.download(campaigns.get(id).name() + "-评估结果.xlsx", report.xlsx(id));
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @GetMapping("/evaluation/indicators")
    String indicators(@RequestParam(required = false) Long scheme, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        var schemes = indicators.schemes();
        long s = scheme != null ? scheme : schemes.get(0).id();
        model.addAttribute("schemes", schemes);
        model.addAttribute("scheme", indicators.scheme(s));
        model.addAttribute("tree", indicators.tree(s));
        model.addAttribute("leaves", indicators.leaves(s));
        model.addAttribute("problems", indicators.problems(s));
        model.addAttribute("sources", Indicator.Source.values());
        model.addAttribute("measures", Indicator.PLATFORM_MEASURES);
        model.addAttribute("officer", isOfficer(user));
        return "evaluation/indicators";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/indicators/{scheme}/{id}")
    String updateIndicator(@PathVariable long scheme, @PathVariable long id, @RequestParam String name, @RequestParam(required = false) BigDecimal weight,
                           @RequestParam(required = false) Indicator.Source source, @RequestParam(required = false) String sourceRef,
                           @RequestParam(defaultValue = "false") boolean delete, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        try {
            if (delete) {
                indicators.delete(scheme, id);
            } else {
                indicators.update(scheme, id, name, weight, source, sourceRef, user.getUsername());
            }
            flash.addFlashAttribute("message", "已保存");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/evaluation/indicators?scheme=" + scheme;
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/indicators/{scheme}")
    String addIndicator(@PathVariable long scheme, @RequestParam(required = false) Long parent, @RequestParam String code, @RequestParam String name,
                        @RequestParam(required = false) BigDecimal weight, @RequestParam(required = false) Indicator.Source source,
                        @RequestParam(required = false) String sourceRef, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        try {
            indicators.add(scheme, parent, code, name, weight, source, sourceRef);
            flash.addFlashAttribute("message", "已添加指标 " + code);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/evaluation/indicators?scheme=" + scheme;
    }

    private static boolean isOfficer(ZhidaUser user) {
        return user.has(Role.EVALUATOR) || user.has(Role.ADMIN);
    }
}
