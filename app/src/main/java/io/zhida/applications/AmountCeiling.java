package io.zhida.applications;

import io.zhida.catalog.ItemContent;
import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.engine.rule.Calculator;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.funds.FundPool;
import io.zhida.funds.FundPools;
import io.zhida.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The most an approval may grant: what the item's amount formula (of the version the enterprise applied
 * under) gives for the enterprise's current data, held to the item's cap per enterprise — and never more
 * than the fund pool has left. A reviewer may grant less, or more than the platform's estimate when the
 * data changed, but never more than the rules allow; without a formula the cap is the ceiling.
 */
@Component
class AmountCeiling {

    /** limit null: the item has neither formula nor cap, so only four eyes hold the amount. */
    record Ceiling(BigDecimal limit, String basis) {
    }

    private final PolicyCatalog catalog;
    private final PolicyCalculator calculator;
    private final EnterpriseProfiles profiles;
    private final FundPools pools;
    private final Clock clock;

    AmountCeiling(PolicyCatalog catalog, PolicyCalculator calculator, EnterpriseProfiles profiles, FundPools pools, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.calculator = calculator;
        this.profiles = profiles;
        this.pools = pools;
    }

    Ceiling of(Application a) {
        ItemContent item = catalog.version(a.itemCode(), a.itemVersion()).orElseThrow().content();
        if (item.amountFormula() != null && !item.amountFormula().isBlank()) {
            Map<String, Object> data = profiles.find(a.uscc()).map(EnterpriseProfile::attributes).orElse(Map.of());
            Calculator.Result r = calculator.calculate("true", item.amountFormula(), item.cap(), data, LocalDate.now(clock));
            if (r.amount() != null) {
                return new Ceiling(r.amount(), "按第 " + a.itemVersion() + " 版金额公式对企业当前数据测算"
                        + (item.cap() != null ? "，单户上限 " + Applications.money(item.cap()) + " 元" : ""));
            }
        }
        if (item.cap() != null) {
            return new Ceiling(item.cap(), "事项单户上限（金额公式缺少企业数据，无法测算）");
        }
        return new Ceiling(null, "该事项没有金额公式和单户上限");
    }

    /** Refuses an amount over the rules' ceiling or over what the pool has left, naming both figures. */
    void check(Application a, BigDecimal amount) {
        Ceiling ceiling = of(a);
        if (ceiling.limit() != null && amount.compareTo(ceiling.limit()) > 0) {
            throw new InvalidInputException("amount", "核定金额 " + Applications.money(amount) + " 元超过政策规则允许的 "
                    + Applications.money(ceiling.limit()) + " 元（" + ceiling.basis() + "）");
        }
        int year = Integer.parseInt(a.period());
        ItemContent item = catalog.version(a.itemCode(), a.itemVersion()).orElseThrow().content();
        BigDecimal available = pools.find(a.itemCode(), year).map(FundPool::available).orElse(item.annualBudget());
        if (available != null && amount.compareTo(available) > 0) {
            throw new InvalidInputException("amount", "核定金额 " + Applications.money(amount) + " 元超过本事项 " + year
                    + " 年度资金池可用余额 " + Applications.money(available) + " 元");
        }
    }
}
