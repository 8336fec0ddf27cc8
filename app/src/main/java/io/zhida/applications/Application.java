package io.zhida.applications;

import io.zhida.catalog.HandlingMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One application as everyone involved sees it; the item's rule version and the estimate are frozen. */
public record Application(long id, String number, String uscc, String enterpriseName, String region, String itemCode,
                          int itemVersion, String itemName, HandlingMode mode, List<String> departments, String period,
                          Status status, String outcome, BigDecimal estimate, BigDecimal approvedAmount, String amountReason,
                          Map<String, String> figures, Instant commitmentSignedAt, String correctionNote,
                          String decisionReason, Long grantId, Instant submittedAt, Instant acceptedAt, Instant dispatchedAt,
                          Instant decidedAt, Instant paidAt) {

    public enum Status {
        SUBMITTED("待受理"), RETURNED("待补正"), ACCEPTED("已受理"), DISPATCHED("审核中"), APPROVED("已核准"),
        REJECTED("未通过"), REFUSED("不予受理"), PAID("已兑付"), WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean finished() {
            return next().isEmpty();
        }

        /**
         * The workflow: where an application may go from here. 秒批 approves straight from SUBMITTED; a cancelled grant
         * turns an approval into a rejection; the applicant may withdraw until it is decided. Every transition is checked
         * against this before it is written.
         */
        public java.util.Set<Status> next() {
            return switch (this) {
                case SUBMITTED -> java.util.EnumSet.of(ACCEPTED, RETURNED, REFUSED, APPROVED, WITHDRAWN);
                case RETURNED -> java.util.EnumSet.of(SUBMITTED, WITHDRAWN);
                case ACCEPTED -> java.util.EnumSet.of(DISPATCHED, REFUSED, WITHDRAWN);
                case DISPATCHED -> java.util.EnumSet.of(APPROVED, REJECTED, WITHDRAWN);
                case APPROVED -> java.util.EnumSet.of(PAID, REJECTED);
                case REJECTED, REFUSED, PAID, WITHDRAWN -> java.util.EnumSet.noneOf(Status.class);
            };
        }

        /** Ended without money, so the enterprise may apply again for the item and period (the index application_live_once). */
        public boolean allowsAnother() {
            return this == REJECTED || this == REFUSED || this == WITHDRAWN;
        }

        public boolean canMoveTo(Status to) {
            return next().contains(to);
        }
    }

    /** A stored upload, without its bytes. */
    public record File(long id, String material, String fileName, String contentType, long size, String sha256, Instant uploadedAt) {
    }

    /** One step on the timeline. */
    public record Event(Instant at, String actor, String step, String title, String note) {
    }

    /** One department's part of the review. */
    public record Review(String departmentCode, String departmentName, Instant respondedAt, String decision, BigDecimal amount,
                         String reason, String decidedBy, Instant decidedAt) {
    }

    /** An amount the lead reviewer proposed that differs from the estimate: waits for the department head (四眼). */
    public record Proposal(BigDecimal amount, String opinion, String amountReason, String proposedBy, Instant proposedAt) {
    }

    /** 综合评审: one expert's sheet. */
    public record ExpertScore(String expert, Map<String, Integer> scores, BigDecimal total, String comment, Instant scoredAt) {
    }

    /** 好差评. */
    public record Rating(int stars, String comment, Instant ratedAt) {
    }
}
