package io.zhida.funds;

/** What happens to a grant after it is made; the applications module follows these on its timeline. */
public final class GrantEvents {

    private GrantEvents() {
    }

    /** 公示 ended without an upheld objection: the money may be paid, the payment clock starts. */
    public record GrantBecamePayable(long grantId, Long applicationId, String uscc, java.time.Instant payDueAt) {
    }

    /** A grant was made (by an approval, 秒批 or a 免申即享 run): the money is committed. */
    public record GrantMade(long grantId, Long applicationId, String uscc, String itemCode, GrantRoute route, java.math.BigDecimal amount,
                            java.time.Instant at) {
    }

    /** onTime: paid no later than the payment deadline (one working day after 公示 by default). */
    public record GrantPaid(long grantId, Long applicationId, String uscc, String itemName, java.math.BigDecimal amount, String itemCode,
                            boolean onTime) {
    }

    /** at: a grant can fail more than once (paid again after a correction), each failure is its own event. */
    public record GrantPaymentFailed(long grantId, Long applicationId, String uscc, String reason, java.time.Instant at) {
    }

    /** An objection during 公示 was upheld: the grant is withdrawn and its money released. */
    public record GrantCancelled(long grantId, Long applicationId, String uscc, String reason) {
    }
}
