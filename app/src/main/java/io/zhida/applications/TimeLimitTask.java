package io.zhida.applications;

import java.time.Instant;

/** A time-limited step: who must act, from when, by when. */
public record TimeLimitTask(long id, long applicationId, String applicationNumber, String itemName, String enterpriseName,
                            Kind kind, String departmentCode, Instant startedAt, Instant dueAt, Instant pausedAt,
                            Instant doneAt, Instant escalatedAt, int reminders, String uscc, String itemCode, String region) {

    public enum Kind {
        WINDOW("专窗受理交办"), RESPOND("部门签收响应"), DECIDE("部门审核办结"), PAY("资金拨付");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean open() {
        return doneAt == null;
    }
}
