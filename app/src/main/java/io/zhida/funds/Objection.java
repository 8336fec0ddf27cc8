package io.zhida.funds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 公示异议: anyone may object to a disclosed grant, with a contact. A received objection holds
 * nothing; finance or the item's department accepts it for review (the payout then waits) or turns it
 * down as unfounded with a reason; finance ends an accepted one: upheld (grant withdrawn) or dismissed.
 */
public record Objection(long id, long grantId, String enterpriseName, String itemCode, String itemName, BigDecimal amount,
                        LocalDate disclosureUntil, String name, String contact, String reason, Status status,
                        String acceptNote, String acceptedBy, Instant acceptedAt, String answer, String answeredBy,
                        Instant createdAt, Instant answeredAt) {

    public enum Status {
        RECEIVED("已收到，待受理"), ACCEPTED("已受理核查，暂停拨付"), UNFOUNDED("不予受理"), UPHELD("异议成立"), DISMISSED("异议不成立");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Still waiting for staff: received or under review. */
        public boolean open() {
            return this == RECEIVED || this == ACCEPTED;
        }
    }

    public String statusLabel() {
        return status.label();
    }

    /** What the public page says about one objection: its state and, once closed, the answer; never who made it. */
    public record Public(long grantId, Status status, String answer, Instant createdAt) {

        public String statusLabel() {
            return status.label();
        }
    }
}
