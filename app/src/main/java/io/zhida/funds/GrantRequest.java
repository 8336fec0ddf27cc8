package io.zhida.funds;

import java.math.BigDecimal;

/**
 * What an approval (or a 免申即享 run) asks the funds to grant. {@code amount} is what the decision
 * says; the grant may be lower after 就高不重复 and the annual cap per enterprise. {@code causedBy} is the
 * person who decided (or confirmed the run), "system" for the schedule; {@code confirmedBy} the second
 * person who confirmed an amount that differs from the rule's estimate (四眼), else null.
 */
public record GrantRequest(String uscc, String enterpriseName, String region, String itemCode, String itemName,
                           int year, BigDecimal amount, BigDecimal formulaAmount, String exclusionGroup,
                           BigDecimal annualCapPerEnterprise, BigDecimal annualBudget, GrantRoute route,
                           Long applicationId, Long runId, String causedBy, String confirmedBy) {

    /** The period a grant is counted in: the budget year. */
    public String period() {
        return String.valueOf(year);
    }
}
