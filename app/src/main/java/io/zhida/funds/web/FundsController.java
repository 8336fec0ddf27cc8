package io.zhida.funds.web;

import io.zhida.catalog.HandlingMode;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.funds.BankAccounts;
import io.zhida.funds.Disclosure;
import io.zhida.funds.FundPool;
import io.zhida.funds.FundPools;
import io.zhida.funds.Grant;
import io.zhida.funds.Grants;
import io.zhida.funds.NoApplicationRun;
import io.zhida.funds.NoApplicationRuns;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.Inputs;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.PageQuery;
import io.zhida.platform.Spreadsheet;
import io.zhida.platform.Today;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

/** 资金池, grants, 免申即享 runs and the enterprise's receiving account (公示异议: {@link ObjectionsController}). */
@AccessRule(roles = {Role.FINANCE, Role.ADMIN, Role.LEADER, Role.EVALUATOR}, scope = DataScope.WHOLE_CITY)
@Controller
class FundsController {

    private final FundPools pools;
    private final Grants grants;
    private final NoApplicationRuns runs;
    private final Disclosure disclosure;
    private final BankAccounts accounts;
    private final PolicyCatalog catalog;
    private final io.zhida.identity.Organisations organisations;
    private final Clock clock;

    FundsController(FundPools pools, Grants grants, NoApplicationRuns runs, Disclosure disclosure, BankAccounts accounts,
                    PolicyCatalog catalog, io.zhida.identity.Organisations organisations, Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.pools = pools;
        this.grants = grants;
        this.runs = runs;
        this.disclosure = disclosure;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    @GetMapping("/funds/pools")
    String pools(@RequestParam(required = false) Integer year, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        int y = year == null ? LocalDate.now(clock).getYear() : Inputs.year(year, "year");
        Map<String, String> names = catalog.workingView().stream().collect(Collectors.toMap(PolicyItem::code, i -> i.content().name(), (a, b) -> a));
        model.addAttribute("year", y);
        List<FundPool> all = pools.all(y);
        model.addAttribute("pools", all);
        // A read never writes: online items with a budget but no pool yet are shown as 未设立; finance sets one up by POST.
        java.util.Set<String> opened = all.stream().map(FundPool::itemCode).collect(Collectors.toSet());
        model.addAttribute("unopened", catalog.onlineItems().stream()
                .filter(i -> i.content().annualBudget() != null && !opened.contains(i.code())).toList());
        model.addAttribute("names", names);
        model.addAttribute("total", all.stream().map(FundPool::budget).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("paid", all.stream().map(FundPool::paid).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("reserved", all.stream().map(FundPool::reserved).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("grants", grants.recent(null, 20)); // the latest; the whole list is 资金明细, paged
        return "funds/pools";
    }

    /**
     * 资金明细: every grant, or those behind a figure (an item, a county, a state; the cockpit's drill-down ends here), a page
     * at a time. A county's staff see their county's only, whatever region they ask for.
     */
    @AccessRule(roles = {Role.FINANCE, Role.ADMIN, Role.LEADER, Role.EVALUATOR}, scope = DataScope.OWN_COUNTY)
    @GetMapping("/funds/grants")
    String grantList(@RequestParam(required = false) String item, @RequestParam(required = false) String region,
                     @RequestParam(required = false) Grant.Status status, PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("grants", grantRecords(item, region, status, user).page(page));
        model.addAttribute("item", item == null || item.isBlank() ? null : item);
        model.addAttribute("region", scopedRegion(region, user));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Grant.Status.values());
        model.addAttribute("wholeCity", user.seesWholeCity());
        model.addAttribute("itemName", item == null || item.isBlank() ? null : catalog.workingView().stream().filter(i -> i.code().equals(item))
                .map(i -> i.content().name()).findFirst().orElse(item));
        return "funds/grants";
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN, Role.LEADER, Role.EVALUATOR}, scope = DataScope.OWN_COUNTY)
    @GetMapping("/funds/grants/list.xlsx")
    ResponseEntity<byte[]> exportGrantList(@RequestParam(required = false) String item, @RequestParam(required = false) String region,
                                           @RequestParam(required = false) Grant.Status status, @AuthenticationPrincipal ZhidaUser user) {
        try (Spreadsheet sheet = Spreadsheet.of("资金明细", List.of("企业名称", "统一社会信用代码", "事项", "年度", "途径", "金额（元）", "状态", "核定时间", "拨付时间"))) {
            grantRecords(item, region, status, user).all().forEach(g -> sheet.row(g.enterpriseName(), g.uscc(), g.itemName(), g.period(), g.route().label(),
                    g.amount(), g.status().label(), g.createdAt().atZone(Today.ZONE).toLocalDateTime(),
                    g.paidAt() == null ? null : g.paidAt().atZone(Today.ZONE).toLocalDateTime()));
            return Spreadsheet.download("资金明细-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    private Listing<Grant> grantRecords(String item, String region, Grant.Status status, ZhidaUser user) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        return grants.filtered(item, scopedRegion(region, user), status);
    }

    /** The whole city's staff may pick a county; a county's staff always get their own. */
    private static String scopedRegion(String region, ZhidaUser user) {
        String scoped = user.seesWholeCity() ? region : user.regionCode();
        return scoped == null || scoped.isBlank() ? null : scoped;
    }

    @GetMapping("/funds/grants/export.xlsx")
    ResponseEntity<byte[]> exportGrants(@RequestParam(required = false) Integer year, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        int y = year == null ? LocalDate.now(clock).getYear() : Inputs.year(year, "year");
        try (Spreadsheet sheet = Spreadsheet.of(y + " 年度惠企资金", List.of("编号", "企业名称", "统一社会信用代码", "县（区）",
                "事项编码", "事项", "年度", "途径", "核定金额（元）", "公式金额（元）", "依据", "状态", "公示起", "公示止", "拨付时间"))) {
            Map<String, String> counties = organisations.regionNames();
            for (Grant g : grants.forYear(y)) {
                sheet.row(g.id(), g.enterpriseName(), g.uscc(), g.region() == null ? null : counties.getOrDefault(g.region(), g.region()), g.itemCode(), g.itemName(), g.period(), g.route().label(),
                        g.amount(), g.formulaAmount(), g.basis(), g.status().label(), g.disclosureFrom(), g.disclosureUntil(),
                        g.paidAt() == null ? null : g.paidAt().atZone(Today.ZONE).toLocalDateTime());
            }
            return Spreadsheet.download(y + "年度惠企资金核定与拨付.xlsx", sheet.bytes());
        }
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/pools")
    String setBudget(@RequestParam String item, @RequestParam int year, @RequestParam String budget,
                     @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        // Refused before anything is written, as the 400 page naming the field: a year no budget can be for,
        // an item that does not exist, an amount that is not plain money (1e30, 1e2, three decimals).
        Inputs.year(year, "year");
        Inputs.existing(item, catalog.workingView().stream().anyMatch(i -> i.code().equals(item)), "item", "政策事项");
        BigDecimal amount = Inputs.money(budget, "budget", "预算");
        try {
            pools.setBudget(item, year, amount);
            flash.addFlashAttribute("message", "已调整 " + item + " 的 " + year + " 年度预算");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/funds/pools?year=" + year;
    }

    @GetMapping("/funds/runs")
    String runs(@RequestParam(required = false) String item, @RequestParam(required = false) String status, PageQuery page,
                @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        model.addAttribute("runs", runs.list(item, status).page(page));
        model.addAttribute("item", item == null || item.isBlank() ? null : item);
        model.addAttribute("status", status == null || status.isBlank() ? null : status);
        model.addAttribute("statuses", NoApplicationRun.STATUSES);
        model.addAttribute("items", catalog.onlineItems().stream().filter(i -> i.content().mode() == HandlingMode.NO_APPLICATION).toList());
        return "funds/runs";
    }

    /** 预览: plans a run for the item (or returns its open preview); the officer confirms on the run's page. */
    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/runs")
    String preview(@RequestParam String item, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        try {
            return "redirect:/funds/runs/" + runs.preview(item, user);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
            return "redirect:/funds/runs";
        }
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/runs/{id}/confirm")
    String confirm(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return onRun(id, () -> runs.confirm(id, user), "已确认，开始发放", user, flash);
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/runs/{id}/discard")
    String discard(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return onRun(id, () -> runs.discard(id, user), "已放弃本次预览", user, flash);
    }

    /** A finance officer's action on a run, answered on the run's page with the outcome or the reason it was refused. */
    private static String onRun(long id, Runnable action, String done, ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/funds/runs/" + id;
    }

    @GetMapping("/funds/runs/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) String outcome, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        model.addAttribute("run", runs.get(id));
        model.addAttribute("outcome", outcome);
        model.addAttribute("plan", runs.plan(id));
        model.addAttribute("lines", runs.lines(id, outcome == null || outcome.isBlank() ? null : outcome));
        return "funds/run";
    }

    @GetMapping("/funds/runs/{id}/export.xlsx")
    ResponseEntity<byte[]> exportRun(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        var run = runs.get(id);
        try (Spreadsheet sheet = Spreadsheet.of("免申即享运行报告", List.of("统一社会信用代码", "企业名称", "结果", "金额（元）", "说明"))) {
            runs.lines(id, null).forEach(l -> sheet.row(l.uscc(), l.enterpriseName(), l.outcome(), l.amount(), l.reason()));
            return Spreadsheet.download("免申即享运行报告-" + run.itemName() + "-" + id + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/funds/runs/export.xlsx")
    ResponseEntity<byte[]> exportRuns(@RequestParam(required = false) String item, @RequestParam(required = false) String status,
                                      @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        try (Spreadsheet sheet = Spreadsheet.of("免申即享运行", List.of("运行", "事项编码", "事项", "方式", "开始", "发放", "未发放", "待补充数据", "金额（元）"))) {
            runs.list(item, status).all().forEach(r -> sheet.row(r.id(), r.itemCode(), r.itemName(), r.trigger(), r.startedAt().atZone(Today.ZONE).toLocalDateTime(),
                    r.granted(), r.skipped(), r.undetermined(), r.totalAmount()));
            return Spreadsheet.download("免申即享运行-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/disclosures/close")
    String endDisclosures(@AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        flash.addFlashAttribute("message", "公示期满转入待拨付 " + disclosure.endDisclosures() + " 笔");
        return "redirect:/funds/batches";
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @GetMapping("/my/bank-account")
    String account(@AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("account", accounts.find(uscc(user)).orElse(null));
        model.addAttribute("grants", grants.forEnterprise(uscc(user)));
        return "funds/bank-account";
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @PostMapping("/my/bank-account")
    String confirmAccount(@RequestParam(required = false) String accountName, @RequestParam(required = false) String bankName,
                          @RequestParam(required = false) String accountNo, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        try {
            accounts.confirm(uscc(user), accountName, bankName, accountNo);
            flash.addFlashAttribute("message", "收款账户已确认");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", String.join("；", e.messagesByField().values()));
        }
        return "redirect:/my/bank-account";
    }

    private static String uscc(ZhidaUser user) {
        if (user.enterpriseUscc() == null) {
            throw new AccessDeniedException("not bound to an enterprise");
        }
        return user.enterpriseUscc();
    }



}
