package io.zhida.discipline;

import java.math.BigDecimal;
import java.time.Instant;

/** What the supervision view shows, one record type per kind of finding. */
public final class Finding {

    private Finding() {
    }

    /** The kinds of finding, each a tab of the view and a source of clues. */
    public enum Kind {
        OVERDUE("超时办理"), LATE_UNIT("反复超时的单位"), DISHONEST_GRANT("失信企业获得兑现"), AMOUNT_CHANGED("核定金额与测算不一致"),
        SELF_APPROVAL("事项编制人审批本事项"), OBJECTION("公示异议");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A time-limited step done late, or still open past its limit. */
    public record Overdue(long applicationId, String number, String enterpriseName, String itemName, String step, String departmentCode,
                          Instant dueAt, Instant doneAt) {
    }

    /** A unit's time-limited steps in the period, and how many of them were late. */
    public record UnitLateness(String departmentCode, long steps, long late) {
        public double lateShare() {
            return steps == 0 ? 0 : (double) late / steps;
        }
    }

    public record DishonestGrant(long grantId, String uscc, String enterpriseName, String itemCode, String itemName, BigDecimal amount,
                                 String status, Instant grantedAt) {
    }

    public record ChangedAmount(long applicationId, String number, String enterpriseName, String itemName, BigDecimal estimate,
                                BigDecimal approved, String decidedBy, Instant decidedAt) {
        public BigDecimal difference() {
            return approved.subtract(estimate);
        }
    }

    public record SelfApproval(long applicationId, String number, String itemCode, String itemName, int version, String author,
                               String decidedBy, String confirmedBy, Instant decidedAt) {
    }

    public record Objection(long id, long grantId, String enterpriseName, String itemCode, String reason, String status, String answer,
                            Instant raisedAt) {
    }
}
