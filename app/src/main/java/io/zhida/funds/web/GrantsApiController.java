package io.zhida.funds.web;

import io.zhida.engine.standard.Uscc;
import io.zhida.funds.Grant;
import io.zhida.funds.Grants;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Scope;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Page;
import io.zhida.platform.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants and payments for other systems (the treasury, the provincial platform): by enterprise, item and period,
 * with their status (公示中, 待拨付, 已拨付 …) and the payment time. Scope grants:read.
 */
@AccessRule(audience = Audience.SYSTEMS, scope = DataScope.WHOLE_CITY, scopes = Scope.GRANTS_READ)
@RestController
class GrantsApiController {

    private final Grants grants;

    GrantsApiController(Grants grants) {
        this.grants = grants;
    }

    @GetMapping("/api/v1/grants")
    Page<Grant> grants(@RequestParam(required = false) String uscc, @RequestParam(required = false) String item,
                       @RequestParam(required = false) String period, PageQuery page) {
        if (uscc != null && !Uscc.isValid(uscc.strip().toUpperCase())) {
            throw new InvalidInputException("uscc", "统一社会信用代码无效");
        }
        if (item != null && !item.strip().matches("[A-Za-z0-9\\-_]{1,40}")) {
            throw new InvalidInputException("item", "事项编码应为 1–40 个字母、数字或 -_");
        }
        if (period != null && !period.strip().matches("[0-9A-Za-z\\-]{1,20}")) {
            throw new InvalidInputException("period", "期间应为年度（如 2026）或其分期（如 2026-H1），不超过 20 个字符");
        }
        return grants.byEnterpriseItemPeriod(uscc == null ? null : uscc.strip().toUpperCase(), item == null ? null : item.strip(),
                period == null ? null : period.strip()).page(page);
    }
}
