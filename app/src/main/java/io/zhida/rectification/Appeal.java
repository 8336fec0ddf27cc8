package io.zhida.rectification;

import java.time.Instant;

/** 企业诉求: a complaint or request from an enterprise about a policy or a department. */
public record Appeal(long id, String number, String uscc, String enterpriseName, String region, Kind kind, String itemCode,
                     String departmentCode, String content, Status status, Instant dueAt, String answer, String answeredBy,
                     Instant answeredAt, Integer stars, Boolean resolved, Long problemId, Instant submittedAt) {

    public enum Kind {
        COMPLAINT("投诉"), REQUEST("诉求");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        SUBMITTED("待交办"), DISPATCHED("办理中"), ANSWERED("已答复"), CLOSED("已评价办结");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean overdue(Instant now) {
        return status == Status.DISPATCHED && dueAt != null && now.isAfter(dueAt);
    }
}
