package io.zhida.insight.web;

import io.zhida.engine.standard.IndustryCode;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.insight.Insight;
import io.zhida.insight.InsightFilter;
import io.zhida.insight.MonthlyReport;
import io.zhida.platform.PageQuery;
import io.zhida.platform.Spreadsheet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** 诉求分析: the overview with its charts, the texts behind a word or topic, and the monthly report (page and XLSX). */
@AccessRule(roles = {Role.AUTHOR, Role.REVIEWER, Role.DEPT_HEAD, Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.OWN_DEPARTMENT)
@Controller
class InsightController {

    private final Insight insight;
    private final Organisations organisations;
    private final Clock clock;

    InsightController(Insight insight, Organisations organisations, Clock clock) {
        this.insight = insight;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/insight")
    String overview(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String month, @RequestParam(required = false) String department,
                    @RequestParam(required = false) String item, @RequestParam(required = false) String industry,
                    @AuthenticationPrincipal ZhidaUser user, Model model) {
        InsightFilter f = insight.scoped(user, InsightFilter.parse(from, to, month, department, item, industry, LocalDate.now(clock)));
        model.addAttribute("o", insight.overview(f));
        return filters(f, user, model, "insight/overview");
    }

    @GetMapping("/insight/words/{word}")
    String word(@PathVariable String word, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String month, @RequestParam(required = false) String department,
                @RequestParam(required = false) String item, @RequestParam(required = false) String industry, PageQuery page,
                @AuthenticationPrincipal ZhidaUser user, Model model) {
        List<String> words = insight.words(word, "word");
        if (words.size() != 1) {
            throw new io.zhida.platform.InvalidInputException("word", "一次查看一个词；话题请用 /insight/topics?words=");
        }
        String path = "/insight/words/" + UriUtils.encodePathSegment(words.get(0), StandardCharsets.UTF_8);
        return texts(words, path, from, to, month, department, item, industry, page, user, model);
    }

    @GetMapping("/insight/topics")
    String topic(@RequestParam(required = false) String words, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String month,
                 @RequestParam(required = false) String department, @RequestParam(required = false) String item,
                 @RequestParam(required = false) String industry, PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        return texts(insight.words(words, "words"), "/insight/topics", from, to, month, department, item, industry, page, user, model);
    }

    @GetMapping("/insight/report")
    String report(@RequestParam(required = false) String month, @RequestParam(required = false) String department,
                  @AuthenticationPrincipal ZhidaUser user, Model model) {
        InsightFilter f = monthOf(month, department, user);
        model.addAttribute("r", insight.report(YearMonth.from(f.from()), f));
        model.addAttribute("departmentNames", insight.departmentNames());
        return filters(f, user, model, "insight/report");
    }

    @GetMapping("/insight/report.xlsx")
    ResponseEntity<byte[]> reportSheet(@RequestParam(required = false) String month, @RequestParam(required = false) String department,
                                       @AuthenticationPrincipal ZhidaUser user) {
        InsightFilter f = monthOf(month, department, user);
        MonthlyReport r = insight.report(YearMonth.from(f.from()), f);
        return Spreadsheet.download("政策诉求月报-" + r.scopeName() + "-" + r.month() + ".xlsx", insight.reportSheet(r));
    }

    private String texts(List<String> words, String path, String from, String to, String month, String department, String item,
                         String industry, PageQuery page, ZhidaUser user, Model model) {
        InsightFilter f = insight.scoped(user, InsightFilter.parse(from, to, month, department, item, industry, LocalDate.now(clock)));
        model.addAttribute("words", words);
        model.addAttribute("texts", insight.texts(f, words, page));
        model.addAttribute("trend", insight.trend(f, words));
        model.addAttribute("path", path);
        model.addAttribute("departmentNames", insight.departmentNames());
        return filters(f, user, model, "insight/texts");
    }

    private String filters(InsightFilter f, ZhidaUser user, Model model, String view) {
        model.addAttribute("f", f);
        model.addAttribute("city", insight.seesCity(user));
        model.addAttribute("scopeName", f.department() == null ? "全市" : insight.departmentName(f.department()));
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("industries", industries());
        model.addAttribute("sources", insight.sources());
        return view;
    }

    private static Map<String, String> industries() {
        Map<String, String> sections = new LinkedHashMap<>();
        for (char c = 'A'; c <= 'T'; c++) {
            sections.put(String.valueOf(c), c + " " + IndustryCode.sectionName(String.valueOf(c)));
        }
        return sections;
    }

    /** The report's month (this month when none is given) of the department asked, within the person's scope. */
    private InsightFilter monthOf(String month, String department, ZhidaUser user) {
        LocalDate today = LocalDate.now(clock);
        return insight.scoped(user, InsightFilter.parse(null, null, InsightFilter.month(month, today).toString(), department, null, null, today));
    }
}
