package io.zhida.discipline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 线索移送: a finding handed with its evidence to the responsible unit, its answer, and how it ended. */
public record Clue(long id, String number, Source source, String sourceRef, String title, String evidence, String departmentCode,
                   LocalDate dueDate, Status status, String answer, String answeredBy, Instant answeredAt, List<String> jointUnits,
                   String jointPlan, Conclusion conclusion, String result, String closedBy, Instant closedAt, String createdBy,
                   Instant createdAt) {

    public enum Source {
        OVERDUE("超时办理"), LATE_UNIT("反复超时"), DISHONEST_GRANT("失信企业获兑现"), AMOUNT_CHANGED("金额调整"),
        SELF_APPROVAL("自编自审"), OBJECTION("公示异议"), OTHER("其他");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        OPEN("待单位核查"), ANSWERED("单位已答复"), JOINT("联合督办中"), CLOSED("已办结");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The inspector's conclusion on the unit's answer. */
    public enum Conclusion {
        TRUE("问题属实"), PARTLY("部分属实"), UNFOUNDED("问题不属实");

        private final String label;

        Conclusion(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean overdue(LocalDate today) {
        return status == Status.OPEN && today.isAfter(dueDate);
    }

    /** One step on the clue's record. */
    public record Event(Instant at, String actor, String step, String note) {
    }
}
