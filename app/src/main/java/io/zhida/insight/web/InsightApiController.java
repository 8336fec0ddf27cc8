package io.zhida.insight.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.Scope;
import io.zhida.identity.ZhidaUser;
import io.zhida.insight.DemandText;
import io.zhida.insight.HotWords;
import io.zhida.insight.Insight;
import io.zhida.insight.InsightFilter;
import io.zhida.platform.Page;
import io.zhida.platform.PageQuery;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/insight/hot-words for staff (their department, or the city for the evaluation office and leaders) and for
 * systems holding insight:read (the city); GET /api/v1/insight/texts, the texts behind a word or topic, for staff only.
 */
@AccessRule(roles = {Role.AUTHOR, Role.REVIEWER, Role.DEPT_HEAD, Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.OWN_DEPARTMENT)
@RestController
class InsightApiController {

    private final Insight insight;
    private final Clock clock;

    InsightApiController(Insight insight, Clock clock) {
        this.insight = insight;
        this.clock = clock;
    }

    @AccessRule(roles = {Role.AUTHOR, Role.REVIEWER, Role.DEPT_HEAD, Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.OWN_DEPARTMENT,
            scopes = Scope.INSIGHT_READ)
    @GetMapping("/api/v1/insight/hot-words")
    HotWords hotWords(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String month, @RequestParam(required = false) String department,
                      @RequestParam(required = false) String item, @RequestParam(required = false) String industry,
                      @RequestParam(required = false) Integer limit, @AuthenticationPrincipal ZhidaUser user) {
        InsightFilter asked = InsightFilter.parse(from, to, month, department, item, industry, LocalDate.now(clock));
        InsightFilter f = user != null ? insight.scoped(user, asked)
                : insight.scoped(CurrentUser.client().orElseThrow(() -> new AccessDeniedException("staff or a system")), asked);
        return insight.hotWords(f, limit);
    }

    @GetMapping("/api/v1/insight/texts")
    Page<DemandText> texts(@RequestParam(required = false) String words, @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to, @RequestParam(required = false) String month,
                           @RequestParam(required = false) String department, @RequestParam(required = false) String item,
                           @RequestParam(required = false) String industry, PageQuery page, @AuthenticationPrincipal ZhidaUser user) {
        InsightFilter f = insight.scoped(user, InsightFilter.parse(from, to, month, department, item, industry, LocalDate.now(clock)));
        return insight.texts(f, insight.words(words, "words"), page);
    }
}
