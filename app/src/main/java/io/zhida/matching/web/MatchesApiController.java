package io.zhida.matching.web;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.engine.rule.Calculator;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.matching.MatchRow;
import io.zhida.matching.MatchingService;
import io.zhida.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The stored matches of an enterprise for other systems, the cluster's matching status, and a full re-match on demand. */
@RestController
class MatchesApiController {

    record ItemMatch(String code, String name, int version, String result, BigDecimal amount, List<String> missing) {
    }

    record Matches(Instant matchedAt, List<ItemMatch> items) {
    }

    private final MatchingService matching;
    private final EnterpriseProfiles profiles;
    private final PolicyCatalog catalog;
    private final io.zhida.matching.MatchExplanations explanations;

    MatchesApiController(MatchingService matching, EnterpriseProfiles profiles, PolicyCatalog catalog, io.zhida.matching.MatchExplanations explanations) {
        this.matching = matching;
        this.profiles = profiles;
        this.catalog = catalog;
        this.explanations = explanations;
    }

    /**
     * The enterprise itself, administrators, and staff whose data scope includes the enterprise (403 otherwise, known or
     * not); and other systems holding matches:read, for any enterprise (404 for an unknown one).
     */
    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_COUNTY, scopes = io.zhida.identity.Scope.MATCHES_READ)
    @GetMapping("/api/v1/enterprises/{uscc}/matches")
    ResponseEntity<?> matches(@PathVariable String uscc, @AuthenticationPrincipal ZhidaUser user) {
        if (uscc.length() != 18) {
            throw new InvalidInputException("uscc", "统一社会信用代码应为 18 位");
        }
        EnterpriseProfile profile = user != null ? profiles.get(uscc.toUpperCase(), user)
                : profiles.find(uscc.toUpperCase()).orElseThrow(() -> new io.zhida.platform.NotFoundException("企业不存在")); // a system client
        if (!matching.ready()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "平台启动后的全量匹配尚未完成，请稍后再试");
            problem.setTitle("匹配尚未就绪");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").body(problem);
        }
        Map<String, Object> values = profile.attributes();
        List<ItemMatch> items = new ArrayList<>();
        Instant matchedAt = matching.lastFullMatch().orElse(null);
        for (MatchRow m : matching.forEnterprise(profile.uscc())) {
            var item = catalog.onlineItem(m.itemCode()).orElse(null);
            if (item == null) {
                continue;
            }
            Calculator.Result r = explanations.explain(profile.uscc(), values, item);
            items.add(new ItemMatch(item.code(), item.content().name(), m.itemVersion(), m.outcome().name(), r.amount(),
                    r.missing().stream().sorted().toList()));
            matchedAt = matchedAt == null || m.matchedAt().isAfter(matchedAt) ? m.matchedAt() : matchedAt;
        }
        items.sort(Comparator.comparing(ItemMatch::result).thenComparing(ItemMatch::code));
        return ResponseEntity.ok(new Matches(matchedAt, items));
    }

    @AccessRule(roles = Role.ADMIN, scope = DataScope.CITY_FIGURES)
    @GetMapping("/api/v1/matching/status")
    MatchingService.Status status() {
        return matching.status();
    }

    /**
     * A full re-match with storing, now, on this node (the nightly one runs by itself); for operators and the
     * benchmark. {@code rebuild=true} reads the enterprises again from the records first (after data was changed
     * in the database behind the platform's back).
     */
    @AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
    @PostMapping("/api/v1/admin/matching/rematch")
    MatchingService.FullMatch rematch(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean rebuild) {
        if (!matching.ready()) {
            throw new InvalidInputException("matching", "平台启动后的全量匹配尚未完成");
        }
        return rebuild ? matching.rematch("ON_DEMAND", true) : matching.rematch("ON_DEMAND");
    }
}
