package io.zhida.liaison;

import java.time.Instant;
import java.time.LocalDate;

/** The records of 三级帮包. */
public final class Liaison {

    private Liaison() {
    }

    /** A tier: the enterprises a rule holds for (optionally only the largest N by one attribute), in priority order. */
    public record Tier(String code, String name, String condition, String rankBy, Integer topN, int priority, String updatedBy,
                       Instant updatedAt, long members, long assigned) {
    }

    /** An enterprise under 帮包, its tier and its official. */
    public record Member(String uscc, String enterpriseName, String region, String tier, String official) {
    }

    public enum ContactKind {
        VISIT("走访"), PHONE("电话"), ONLINE("线上");

        private final String label;

        ContactKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Contact(long id, String uscc, String official, ContactKind kind, String note, Instant at) {
    }

    public enum DemandStatus {
        RAISED("待响应"), RESPONDED("办理中"), DONE("已办结待评价"), CLOSED("已评价");

        private final String label;

        DemandStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A demand of an enterprise to its official, with its two clocks: respond within a working day, finish by the promised day. */
    public record Demand(long id, String number, String uscc, String enterpriseName, String official, String content, DemandStatus status,
                         Instant respondDue, Instant respondedAt, String plan, LocalDate doneDue, Instant doneAt, String result,
                         Instant escalatedAt, Long problemId, Integer stars, String comment, Instant ratedAt, String createdBy,
                         Instant createdAt) {

        public boolean late(Instant now, LocalDate today) {
            return (status == DemandStatus.RAISED && now.isAfter(respondDue))
                    || (status == DemandStatus.RESPONDED && doneDue != null && today.isAfter(doneDue));
        }
    }
}
