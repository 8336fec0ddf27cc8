package io.zhida.experience;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One experience task: a service, a channel, an officer, the questionnaire and what the officer answered. */
public record ExperienceTask(long id, String number, String itemCode, String serviceName, String departmentCode, Channel channel,
                             String officer, LocalDate dueDate, List<String> questions, List<Answer> answers, String summary, Status status,
                             Instant submittedAt, Instant verifiedAt, String createdBy, Instant createdAt) {

    public enum Channel {
        ONLINE("网上办（平台及部门网站）"), WINDOW_SELF("窗口亲自办"), WINDOW_PROXY("窗口代理办"), WINDOW_WITH("窗口陪同办"), CALLBACK("电话回访");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean atWindow() {
            return this == WINDOW_SELF || this == WINDOW_PROXY || this == WINDOW_WITH;
        }
    }

    public enum Status {
        ASSIGNED("待体验"), SUBMITTED("待核查"), VERIFIED("已核查");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The officer's answer to one question. */
    public record Answer(String question, Verdict verdict, String note) {
    }

    public enum Verdict {
        OK("符合"), NOT_OK("不符合"), NA("不适用");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean overdue(LocalDate today) {
        return status == Status.ASSIGNED && today.isAfter(dueDate);
    }

    /** What the officer found wrong, its verification into the ledger and its re-checks. */
    public record Finding(long id, long taskId, String question, String description, String evidenceName, FindingVerdict result, String resultNote, Long problemId, String problemNumber, String verifiedBy,
                          Instant verifiedAt) {
    }

    public enum FindingVerdict {
        CONFIRMED("核查属实，已建账"), DISMISSED("核查不属实");

        private final String label;

        FindingVerdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One re-check of a finding by the officer. */
    public record Recheck(long findingId, String officer, boolean passed, String note, Instant at) {
    }
}
