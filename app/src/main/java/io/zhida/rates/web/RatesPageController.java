package io.zhida.rates.web;

import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.Spreadsheet;
import io.zhida.rates.Rate;
import io.zhida.rates.RateRow;
import io.zhida.rates.ThreeRates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 三率 page: the table by group with numerators, a comparison period, a monthly trend and the records behind each rate. */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
class RatesPageController {

    static final Map<String, String> GROUPS = new java.util.LinkedHashMap<>();

    static {
        GROUPS.put("REGION", "县（区）");
        GROUPS.put("DEPARTMENT", "部门");
        GROUPS.put("ITEM", "政策事项");
        GROUPS.put("CITY", "全市");
    }

    private final ThreeRates rates;
    private final Clock clock;

    RatesPageController(ThreeRates rates, Clock clock) {
        this.clock = clock;
        this.rates = rates;
    }

    @GetMapping("/evaluation/rates")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "region") String groupBy,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate compareFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate compareTo,
                @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null ? t.withDayOfYear(1) : from;
        LocalDate cf = compareFrom == null ? f.minusYears(1) : compareFrom;
        LocalDate ct = compareTo == null ? t.minusYears(1) : compareTo;
        ThreeRates.GroupBy group = ThreeRates.groupBy(groupBy);
        List<RateRow> rows = rates.rates(f, t, group);
        Map<String, RateRow> before = new LinkedHashMap<>();
        rates.rates(cf, ct, group).forEach(r -> before.put(r.key(), r));
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("compareFrom", cf);
        model.addAttribute("compareTo", ct);
        model.addAttribute("groupBy", group.name());
        model.addAttribute("groupLabels", GROUPS);
        model.addAttribute("rows", rows);
        model.addAttribute("before", before);
        List<LocalDate[]> periods = new java.util.ArrayList<>(rates.periods(t, 1, 12));
        periods.add(new LocalDate[] {f, t});
        periods.add(new LocalDate[] {cf, ct});
        List<RateRow> city = rates.cityRows(periods); // the year's trend, then the period and the one compared with
        model.addAttribute("city", city.get(12));
        model.addAttribute("cityBefore", city.get(13));
        model.addAttribute("trend", trend(periods.subList(0, 12), city.subList(0, 12)));
        return "evaluation/rates";
    }

    @GetMapping("/evaluation/rates/records")
    String records(@RequestParam String measure, @RequestParam String groupBy, @RequestParam String key,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        ThreeRates.GroupBy group = ThreeRates.groupBy(groupBy);
        model.addAttribute("row", rates.rate(from, to, group, key));
        model.addAttribute("measure", measure);
        model.addAttribute("measureLabel", MEASURE_LABELS.get(measure));
        model.addAttribute("lines", rates.records(measure, from, to, group, key, 500));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("groupBy", group.name());
        return "evaluation/rate-records";
    }

    @GetMapping("/evaluation/rates/records.xlsx")
    ResponseEntity<byte[]> exportRecords(@RequestParam String measure, @RequestParam String groupBy, @RequestParam String key,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.EVALUATION_READING.require(user);
        try (Spreadsheet sheet = Spreadsheet.of(MEASURE_LABELS.getOrDefault(measure, "明细"), List.of("统一社会信用代码", "企业", "事项", "县（区）", "情况", "计入分子"))) {
            rates.records(measure, from, to, ThreeRates.groupBy(groupBy), key, 100_000)
                    .forEach(l -> sheet.row(l.uscc(), l.enterprise(), l.item(), l.region(), l.detail(), l.counted()));
            return Spreadsheet.download(MEASURE_LABELS.getOrDefault(measure, "明细") + "-" + key + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/evaluation/rates/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(defaultValue = "region") String groupBy, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.EVALUATION_READING.require(user);
        ThreeRates.GroupBy group = ThreeRates.groupBy(groupBy);
        try (Spreadsheet sheet = Spreadsheet.of("三率 " + from + " 至 " + to, List.of("编码", GROUPS.get(group.name()),
                "知晓·分子", "知晓·分母", "知晓覆盖率", "满意·分子", "满意·分母", "办理满意率", "兑现·分子", "兑现·分母", "兑现到位率",
                "核定金额（元）", "已拨付（元）"))) {
            for (RateRow r : rates.rates(from, to, group)) {
                sheet.row(r.key(), r.name(), r.awareness().numerator(), r.awareness().denominator(), r.awareness().percent(),
                        r.satisfaction().numerator(), r.satisfaction().denominator(), r.satisfaction().percent(),
                        r.fulfillment().numerator(), r.fulfillment().denominator(), r.fulfillment().percent(),
                        r.approvedAmount(), r.paidAmount());
            }
            return Spreadsheet.download("三率-" + GROUPS.get(group.name()) + "-" + from + "至" + to + ".xlsx", sheet.bytes());
        }
    }

    static final Map<String, String> MEASURE_LABELS = Map.of("awareness", "政策知晓覆盖率", "satisfaction", "政策办理满意率",
            "fulfillment", "政策兑现到位率");

    /** The city's rates month by month over the last twelve months. */
    private static Map<String, Object> trend(List<LocalDate[]> periods, List<RateRow> rows) {
        List<String> labels = new ArrayList<>();
        List<Object> a = new ArrayList<>();
        List<Object> s = new ArrayList<>();
        List<Object> f = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            LocalDate start = periods.get(i)[0];
            RateRow r = rows.get(i);
            labels.add(start.getYear() + "-" + String.format("%02d", start.getMonthValue()));
            a.add(score(r.awareness()));
            s.add(score(r.satisfaction()));
            f.add(score(r.fulfillment()));
        }
        return Map.of("labels", labels, "awareness", a, "satisfaction", s, "fulfillment", f);
    }

    private static Object score(Rate rate) {
        return rate.score() == null ? "-" : rate.score();
    }
}
