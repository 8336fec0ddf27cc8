package io.zhida.backtoback.web;

import io.zhida.backtoback.BackToBack;
import io.zhida.backtoback.BackToBackRound;
import io.zhida.platform.QrCode;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.Unit;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Spreadsheet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The evaluation officer's 背靠背 pages: library, rounds, scoring, history, rules, the QR code wall. */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
class BackToBackController {

    private final BackToBack backToBack;
    private final String publicUrl;
    private final Clock clock;

    BackToBackController(BackToBack backToBack, @Value("${zhida.public-url:http://localhost:8080}") String publicUrl, Clock clock) {
        this.clock = clock;
        this.backToBack = backToBack;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/evaluation/b2b")
    String overview(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("categories", backToBack.categories());
        model.addAttribute("rounds", backToBack.rounds());
        model.addAttribute("rules", backToBack.ruleValues());
        model.addAttribute("today", today);
        model.addAttribute("defaultFrom", today.minusMonths(4).plusDays(1));
        model.addAttribute("targets", backToBack.targets().size());
        return "evaluation/b2b";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/b2b/rounds")
    String start(@RequestParam String name, @RequestParam(defaultValue = "300") int size,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) Long seed, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        try {
            long id = backToBack.startRound(name, size, from, to, seed, user.getUsername());
            flash.addFlashAttribute("message", "已抽取 " + size + " 名评价人并发送评价链接");
            return "redirect:/evaluation/b2b/rounds/" + id;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
            return "redirect:/evaluation/b2b";
        }
    }

    @GetMapping("/evaluation/b2b/rounds/{id}")
    String round(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        BackToBackRound round = backToBack.round(id);
        List<BackToBackRound.Result> results = backToBack.results(id);
        model.addAttribute("round", round);
        model.addAttribute("minResponseRate", backToBack.minResponseRate());
        Map<String, Integer> seats = backToBack.seats(id);
        Map<String, Integer> ordered = new LinkedHashMap<>();
        backToBack.categories().forEach(c -> ordered.put(c.code(), seats.getOrDefault(c.code(), 0)));
        model.addAttribute("seats", ordered);
        model.addAttribute("categoryNames", categoryNames());
        model.addAttribute("counties", results.stream().filter(r -> r.kind().equals("COUNTY")).toList());
        model.addAttribute("departments", results.stream().filter(r -> r.kind().equals("DEPARTMENT")).toList());
        Map<String, Object> chart = new LinkedHashMap<>();
        List<BackToBackRound.Result> ranked = results.stream().filter(r -> r.kind().equals("COUNTY") && !r.withoutData()).toList();
        chart.put("names", ranked.stream().map(BackToBackRound.Result::name).toList());
        chart.put("totals", ranked.stream().map(BackToBackRound.Result::total).toList());
        model.addAttribute("chart", chart);
        return "evaluation/b2b-round";
    }

    @PostMapping("/evaluation/b2b/rounds/{id}/verify")
    String verify(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_READING.require(user);
        if (backToBack.verify(id)) {
            flash.addFlashAttribute("message", "复核一致：按记录的随机种子和候选名单重新抽取，结果与本轮抽中名单完全相同");
        } else {
            flash.addFlashAttribute("error", "复核不一致：重新抽取的名单与记录不同，请核查");
        }
        return "redirect:/evaluation/b2b/rounds/" + id;
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/b2b/rounds/{id}/score")
    String score(@PathVariable long id, @RequestParam(required = false) String reason, @AuthenticationPrincipal ZhidaUser user,
                 RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        try {
            backToBack.score(id, user.getUsername(), reason);
            flash.addFlashAttribute("message", "已计分排名；末位单位已列入整改台账");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
        }
        return "redirect:/evaluation/b2b/rounds/" + id;
    }

    @GetMapping("/evaluation/b2b/rounds/{id}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.EVALUATION_READING.require(user);
        BackToBackRound round = backToBack.round(id);
        try (Spreadsheet sheet = Spreadsheet.of(round.name(), List.of("类别", "单位", "排名", "集中评价", "实时评价", "总分",
                "集中评价份数", "实时评价条数", "结果运用", "年度绩效分"))) {
            for (BackToBackRound.Result r : backToBack.results(id)) {
                sheet.row(r.kind().equals("COUNTY") ? "县（区）" : "市级部门", r.name(), r.rank(), r.concentrated(), r.realtime(), r.total(),
                        r.answers(), r.ratings(), r.consequenceLabel(), r.points());
            }
            return Spreadsheet.download(round.name() + "-排名.xlsx", sheet.bytes());
        }
    }

    @GetMapping("/evaluation/b2b/rounds.xlsx")
    ResponseEntity<byte[]> exportRounds(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.EVALUATION_READING.require(user);
        try (Spreadsheet sheet = Spreadsheet.of("背靠背评价轮次", List.of("轮次", "评价期间起", "评价期间止", "抽取", "已答", "随机种子", "状态"))) {
            backToBack.rounds().forEach(r -> sheet.row(r.name(), r.periodFrom(), r.periodTo(), r.drawn(), r.answered(), String.valueOf(r.seed()),
                    r.status().equals("SCORED") ? "已计分" : "评价中"));
            return Spreadsheet.download("背靠背评价轮次-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/evaluation/b2b/history")
    String history(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        List<BackToBackRound> rounds = new ArrayList<>(backToBack.rounds().stream().filter(r -> r.status().equals("SCORED")).toList());
        java.util.Collections.reverse(rounds);
        Map<String, Map<Long, BackToBackRound.Result>> byUnit = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (BackToBackRound round : rounds) {
            for (BackToBackRound.Result r : backToBack.results(round.id())) {
                String key = (r.kind().equals("COUNTY") ? "1" : "2") + Unit.key(r.kind(), r.code());
                byUnit.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(round.id(), r);
                names.put(key, r.name());
            }
        }
        model.addAttribute("rounds", rounds);
        model.addAttribute("byUnit", byUnit);
        model.addAttribute("names", names);
        return "evaluation/b2b-history";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/b2b/rules")
    String rules(@RequestParam Map<String, String> params, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        Map<String, String> values = new LinkedHashMap<>();
        backToBack.ruleValues().keySet().forEach(k -> {
            if (params.containsKey(k)) {
                values.put(k, params.get(k).trim());
            }
        });
        try {
            backToBack.setRules(values, user.getUsername());
            flash.addFlashAttribute("message", "结果运用规则已保存，下一次计分起生效");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
        }
        return "redirect:/evaluation/b2b";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/b2b/categories/{code}/refresh")
    String refresh(@PathVariable String code, @RequestParam MultipartFile file, @AuthenticationPrincipal ZhidaUser user,
                   RedirectAttributes flash) throws IOException {
        AccessPolicy.EVALUATION_WORK.require(user);
        List<List<String>> lines = new ArrayList<>();
        String text = new String(file.getBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        for (String line : text.split("\\r?\\n")) {
            if (!line.isBlank() && !line.startsWith("姓名")) {
                lines.add(List.of(line.split(",", -1)));
            }
        }
        try {
            flash.addFlashAttribute("message", "已更新名单 " + backToBack.refresh(code, lines, user.getUsername()) + " 人");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "名单未更新：" + e.errors().stream().map(x -> x.message()).limit(5).toList());
        }
        return "redirect:/evaluation/b2b";
    }

    @GetMapping("/evaluation/units")
    String qrWall(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        List<Map<String, String>> units = new ArrayList<>();
        for (BackToBack.Target t : backToBack.targets()) {
            String url = publicUrl + "/portal/rate/" + t.kind() + "/" + t.code();
            units.add(Map.of("name", t.name(), "kind", t.kind().equals("COUNTY") ? "县（区）政务服务大厅" : "市级部门", "url", url,
                    "path", "/portal/rate/" + t.kind() + "/" + t.code(), "svg", QrCode.svg(url)));
        }
        model.addAttribute("units", units);
        return "evaluation/units";
    }

    private Map<String, String> categoryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        backToBack.categories().forEach(c -> names.put(c.code(), c.name()));
        return names;
    }
}
