package io.zhida.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 资金池: an item's budget for a year, what approvals have reserved and what has been paid. */
public record FundPool(String itemCode, int year, BigDecimal budget, BigDecimal reserved, BigDecimal paid, long grants,
                       long paidGrants) {

    public BigDecimal available() {
        return budget.subtract(reserved).subtract(paid);
    }

    /** Share of the budget committed (reserved + paid), in percent with one decimal. */
    public BigDecimal usedPercent() {
        return budget.signum() == 0 ? BigDecimal.ZERO
                : reserved.add(paid).multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP);
    }
}
