package io.zhida.experience;

import java.time.Instant;
import java.time.LocalDate;

/** One person of the pool: an experience officer or an expert, from application to the end of the term. */
public record Member(long id, Kind kind, String name, String phone, Background background, String organisation, String expertise,
                     Status status, String username, LocalDate termFrom, LocalDate termTo, String decidedBy, Instant decidedAt,
                     Instant appliedAt) {

    public enum Kind {
        OFFICER("体验官"), EXPERT("专家");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Background {
        ENTREPRENEUR("企业家"), INTERMEDIARY("中介机构从业者"), SCHOLAR("专家学者"), DEPUTY("人大代表、政协委员"), OTHER("其他");

        private final String label;

        Background(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        APPLIED("待遴选"), ACTIVE("在聘"), DECLINED("未入选"), ENDED("已期满");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A person's application to join, from the public form. */
    public record Application(Kind kind, String name, String phone, Background background, String organisation, String expertise) {
    }
}
