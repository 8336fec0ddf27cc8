package io.zhida.catalog.web;

import io.zhida.catalog.TextProposals;
import io.zhida.engine.text.PolicyTextExtractor;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/policy-text/extract: 政策智能拆解 for policy authors — proposals only, nothing is stored. */
@AccessRule(roles = {Role.AUTHOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@RestController
class PolicyTextApiController {

    record ExtractRequest(String text, String today) {
    }

    record Item(String name, String condition, String formula, BigDecimal cap, String source) {
    }

    record ExtractResponse(List<Item> items, List<String> unparsed) {
    }

    private final TextProposals proposals;
    private final Clock clock;

    PolicyTextApiController(TextProposals proposals, Clock clock) {
        this.proposals = proposals;
        this.clock = clock;
    }

    @PostMapping(value = "/api/v1/policy-text/extract", consumes = "application/json")
    ExtractResponse extract(@RequestBody ExtractRequest request, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.POLICY_AUTHORING.require(user);
        LocalDate today;
        try {
            today = request.today() == null || request.today().isBlank() ? LocalDate.now(clock) : LocalDate.parse(request.today());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("today", "today 不是有效的日期（应为 YYYY-MM-DD，如 2026-11-30）");
        }
        if (today.getYear() < 1990 || today.getYear() > 2100) {
            throw new InvalidInputException("today", "today 应在 1990—2100 年之间");
        }
        PolicyTextExtractor.Extraction x = proposals.extract(request.text(), today);
        return new ExtractResponse(x.items().stream().map(p -> new Item(p.name(), p.condition(), p.formula(), p.cap(), p.source())).toList(),
                x.unparsed());
    }
}
