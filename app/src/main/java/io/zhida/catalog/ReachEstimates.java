package io.zhida.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What an item under review would reach and cost if published today, from the module that matches
 * (the sandbox), so that the reviewer sees the estimate against the item's annual budget.
 */
public interface ReachEstimates {

    /** eligible: enterprises that would qualify; undetermined: lacking data; total: the estimated amounts, capped. */
    record Estimate(int eligible, int undetermined, BigDecimal total, long millis) {

        public boolean over(BigDecimal budget) {
            return budget != null && budget.signum() > 0 && total.compareTo(budget) > 0;
        }
    }

    /** Empty while the matching index is not ready, or when the item's rules do not compile. */
    Optional<Estimate> estimate(ItemContent content);
}
