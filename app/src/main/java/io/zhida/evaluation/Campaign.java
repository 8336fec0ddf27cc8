package io.zhida.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 三评 campaign: items, departments and counties evaluated over a period with an indicator scheme. */
public record Campaign(long id, String name, long schemeId, LocalDate periodFrom, LocalDate periodTo, LocalDate selfDeadline,
                       String status, BigDecimal problemThreshold, String createdBy, Instant createdAt, Instant scoredAt,
                       List<String> items, List<String> departments, List<String> counties) {

    /** One target's place after scoring; subtotals by first-level indicator (points contributed out of 100). */
    /** ranked: false when too few indicators had data to compare the unit with the others (shown, not ranked). */
    public record Result(String kind, String code, String name, BigDecimal total, int rank, int missing,
                         java.util.Map<String, BigDecimal> subtotals, boolean ranked) {
    }

    /** One leaf's score for one target; null when there was nothing to score it with. */
    public record LeafScore(String kind, String code, long indicatorId, String indicatorCode, String indicatorName,
                            String source, BigDecimal weight, BigDecimal score) {
    }

    /** A department's self-evaluation state. */
    public record SelfStatus(String department, String name, Instant submittedAt, long answered, long leaves, String deadlineState,
                             List<LocalDate> reminders) {
    }
}
