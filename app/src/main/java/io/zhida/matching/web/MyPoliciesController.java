package io.zhida.matching.web;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.engine.rule.Calculator;
import io.zhida.enterprise.AttributeCatalog;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.matching.ItemStates;
import io.zhida.matching.MatchExplanations;
import io.zhida.matching.MatchRow;
import io.zhida.matching.MatchingService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 我的政策: the items an enterprise is eligible for, with the estimate and the clause-by-clause reasons, and what to add for the rest. */
@AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
@Controller
class MyPoliciesController {

    /** Items shown per list before 查看全部: an enterprise of a province can match hundreds. */
    private static final int FIRST = 30;

    /** A stored match with today's explanation of it. */
    record Entry(MatchRow match, PolicyItem item, Calculator.Result result) {
    }

    private final MatchingService matching;
    private final PolicyCatalog catalog;
    private final MatchExplanations explanations;
    private final EnterpriseProfiles profiles;
    private final AttributeCatalog attributes;
    private final ObjectProvider<ItemStates> states;

    MyPoliciesController(MatchingService matching, PolicyCatalog catalog, MatchExplanations explanations, EnterpriseProfiles profiles,
                         ObjectProvider<ItemStates> states,
                         AttributeCatalog attributes) {
        this.attributes = attributes;
        this.matching = matching;
        this.catalog = catalog;
        this.explanations = explanations;
        this.profiles = profiles;
        this.states = states;
    }

    @GetMapping("/my/policies/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@AuthenticationPrincipal ZhidaUser user) {
        if (user.enterpriseUscc() == null) {
            throw new AccessDeniedException("not bound to an enterprise");
        }
        Map<String, Object> values = profiles.get(user.enterpriseUscc(), user).attributes();
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("我的政策",
                List.of("事项编码", "事项", "办理方式", "结果", "预计金额（元）", "需补充的数据", "未满足的条件"))) {
            java.util.Set<String> matched = new java.util.HashSet<>();
            for (MatchRow m : matching.forEnterprise(user.enterpriseUscc())) {
                catalog.onlineItem(m.itemCode()).ifPresent(item -> {
                    matched.add(item.code());
                    Calculator.Result r = explanations.explain(user.enterpriseUscc(), values, item);
                    sheet.row(item.code(), item.content().name(), item.content().mode().label(), m.outcome().label(), r.amount(),
                            String.join("、", r.missing().stream().map(attributes::label).toList()), null);
                });
            }
            // the items it misses too, one step away first, each with what it lacks in words
            for (MatchExplanations.NotMet n : explanations.notMet(user.enterpriseUscc(), values, catalog.onlineItems(), matched)) {
                Calculator.Result r = n.result();
                String lacking = r.nearMiss().map(c -> c.text() + (c.gap() == null ? "" : "，" + c.gap()))
                        .orElse(String.join("；", r.notMet().stream().map(io.zhida.engine.rule.Condition.ClauseResult::text).toList()));
                sheet.row(n.item().code(), n.item().content().name(), n.item().content().mode().label(), n.nearMiss() ? "差一点符合" : "暂不符合",
                        null, null, lacking);
            }
            return io.zhida.platform.Spreadsheet.download("我的政策-" + PolicyCatalog.today() + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/my/policies")
    String mine(@RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal ZhidaUser user, Model model) {
        if (user.enterpriseUscc() == null) {
            throw new AccessDeniedException("not bound to an enterprise");
        }
        Map<String, Object> values = profiles.get(user.enterpriseUscc(), user).attributes();
        List<Entry> eligible = new ArrayList<>();
        List<Entry> undetermined = new ArrayList<>();
        for (MatchRow m : matching.forEnterprise(user.enterpriseUscc())) {
            catalog.onlineItem(m.itemCode()).ifPresent(item -> {
                Entry e = new Entry(m, item, explanations.explain(user.enterpriseUscc(), values, item));
                (m.outcome() == io.zhida.engine.rule.Outcome.ELIGIBLE ? eligible : undetermined).add(e);
            });
        }
        java.util.Set<String> matched = new java.util.HashSet<>();
        eligible.forEach(e -> matched.add(e.item().code()));
        undetermined.forEach(e -> matched.add(e.item().code()));
        List<MatchExplanations.NotMet> notMet = explanations.notMet(user.enterpriseUscc(), values, catalog.onlineItems(), matched);
        List<MatchExplanations.NotMet> near = notMet.stream().filter(MatchExplanations.NotMet::nearMiss).toList();
        List<MatchExplanations.NotMet> far = notMet.subList(near.size(), notMet.size()); // near misses come first
        model.addAttribute("near", near);
        model.addAttribute("nearShown", all ? near : near.subList(0, Math.min(FIRST, near.size())));
        model.addAttribute("far", far);
        model.addAttribute("farShown", all ? far : far.subList(0, Math.min(FIRST, far.size())));
        model.addAttribute("states", states.orderedStream().findFirst().map(s -> s.of(user.enterpriseUscc())).orElse(Map.of()));
        model.addAttribute("eligible", eligible);
        model.addAttribute("all", all); // the first screenful of each list unless all are asked for
        model.addAttribute("eligibleShown", all ? eligible : eligible.subList(0, Math.min(FIRST, eligible.size())));
        model.addAttribute("undeterminedShown", all ? undetermined : undetermined.subList(0, Math.min(FIRST, undetermined.size())));
        model.addAttribute("matchingReady", matching.ready());
        java.time.Instant lastMatched = matching.lastFullMatch().orElse(null);
        for (Entry e : eligible) {
            lastMatched = lastMatched == null || e.match().matchedAt().isAfter(lastMatched) ? e.match().matchedAt() : lastMatched;
        }
        model.addAttribute("lastMatched", lastMatched);
        model.addAttribute("undetermined", undetermined);
        model.addAttribute("total", eligible.stream().map(e -> e.result().amount()).filter(java.util.Objects::nonNull)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        return "matching/my-policies";
    }
}
