package io.zhida.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** One version of an item with its review state, as read back from the library. */
public record PolicyItem(String code, int version, State state, ItemContent content, String documentTitle,
                         String author, String reviewNote, String reviewedBy, Instant publishedAt, boolean abolished,
                         Integer publishedVersion, Integer workingVersion) {

    public enum State {
        DRAFT("草稿"), IN_REVIEW("待审查"), RETURNED("已退回"), PUBLISHED("已发布"), SUPERSEDED("已被新版本替代");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Only a published, not abolished item inside its validity period can be matched, applied for or paid. */
    public boolean isOnline(LocalDate today) {
        return state == State.PUBLISHED && !abolished
                && (content.validFrom() == null || !today.isBefore(content.validFrom()))
                && (content.validTo() == null || !today.isAfter(content.validTo()));
    }

    /** Whether /portal/items/{code} shows it: online, or published and in force from a later day. */
    public boolean hasPublicPage(LocalDate today) {
        return isOnline(today) || (content.validFrom() != null && today.isBefore(content.validFrom()) && isOnline(content.validFrom()));
    }

    /** 状态 as a person reads it. */
    public String statusLabel(LocalDate today) {
        if (abolished) {
            return "已废止";
        }
        if (state == State.PUBLISHED && content.validTo() != null && today.isAfter(content.validTo())) {
            return "已过期";
        }
        if (state == State.PUBLISHED && content.validFrom() != null && today.isBefore(content.validFrom())) {
            return "未生效";
        }
        return state.label();
    }
}
