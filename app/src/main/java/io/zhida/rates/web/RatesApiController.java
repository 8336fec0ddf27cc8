package io.zhida.rates.web;

import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.rates.RateRow;
import io.zhida.rates.ThreeRates;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/evaluation/rates: the three rates with numerator and denominator (evaluation officer, leader). */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@RestController
class RatesApiController {

    private final ThreeRates rates;

    RatesApiController(ThreeRates rates) {
        this.rates = rates;
    }

    @GetMapping("/api/v1/evaluation/rates")
    List<RateRow> rates(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(defaultValue = "city") String groupBy, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.EVALUATION_READING.require(user);
        return rates.rates(from, to, ThreeRates.groupBy(groupBy));
    }
}
