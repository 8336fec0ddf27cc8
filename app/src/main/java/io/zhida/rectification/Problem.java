package io.zhida.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One entry of the rectification ledger. */
public record Problem(long id, String number, Category category, String sourceRef, String title, String description,
                      String unitKind, String unitCode, List<String> coUnits, String person, String target, String measures,
                      LocalDate deadline, Status status, String evidence, int reopened, Instant escalatedAt, String createdBy,
                      Instant createdAt, Instant doneAt, Instant checkedAt) {

    public enum Category {
        EVALUATION("PJ", "三评评估"), BACK_TO_BACK("BB", "背靠背评价"), APPEAL("SQ", "企业诉求"), OVERDUE("CS", "超时督办"),
        MANUAL("SG", "手工录入"), EXPERIENCE("TY", "体验官体验"), MONITORING("JC", "监测点/监督员"),
        CALLBACK("HF", "回访");

        private final String prefix;
        private final String label;

        Category(String prefix, String label) {
            this.prefix = prefix;
            this.label = label;
        }

        public String prefix() {
            return prefix;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        OPEN("待整改"), IN_PROGRESS("整改中"), DONE("已整改"), CHECKED("已复查销号");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * The rectification workflow: work starts (or is reported done at once), a report is checked and closed (销号) or
         * reopened; a closed problem can be reopened by a later 回头看. Checked before every change is written.
         */
        public java.util.Set<Status> next() {
            return switch (this) {
                case OPEN -> java.util.EnumSet.of(IN_PROGRESS, DONE);
                case IN_PROGRESS -> java.util.EnumSet.of(DONE);
                case DONE -> java.util.EnumSet.of(CHECKED, IN_PROGRESS);
                case CHECKED -> java.util.EnumSet.of(IN_PROGRESS);
            };
        }

        public boolean canMoveTo(Status to) {
            return next().contains(to);
        }
    }

    public boolean overdue(LocalDate today) {
        return (status == Status.OPEN || status == Status.IN_PROGRESS) && today.isAfter(deadline);
    }

    /** What a source hands to the ledger; a source reference makes opening idempotent. */
    public record New(Category category, String sourceRef, String title, String description, String unitKind, String unitCode,
                      List<String> coUnits, String person, String target, String measures, int workingDays) {
    }
}
