package io.zhida.funds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record Grant(long id, String uscc, String enterpriseName, String region, String itemCode, String itemName,
                    String period, BigDecimal amount, BigDecimal formulaAmount, String basis, GrantRoute route,
                    Long applicationId, Status status, LocalDate disclosureFrom, LocalDate disclosureUntil,
                    Instant payDueAt, Instant paidAt, Instant createdAt) {

    public enum Status {
        DISCLOSING("公示中"), PAYABLE("待拨付"), IN_BATCH("拨付中"), PAID("已拨付"), FAILED("拨付失败"), CANCELLED("已撤销");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * The payout workflow: 公示 ends in payable (or the grant is withdrawn on an upheld objection), payable money goes
         * into a batch, the bank pays or fails it, a failure goes into the next batch. Checked before every change is written.
         */
        public java.util.Set<Status> next() {
            return switch (this) {
                case DISCLOSING -> java.util.EnumSet.of(PAYABLE, CANCELLED);
                case PAYABLE, FAILED -> java.util.EnumSet.of(IN_BATCH);
                case IN_BATCH -> java.util.EnumSet.of(PAID, FAILED);
                case PAID, CANCELLED -> java.util.EnumSet.noneOf(Status.class);
            };
        }

        public boolean canMoveTo(Status to) {
            return next().contains(to);
        }
    }

    /** The credit code with its middle hidden, as published in 公示. */
    public String maskedUscc() {
        return uscc.length() == 18 ? uscc.substring(0, 6) + "********" + uscc.substring(14) : uscc;
    }
}
