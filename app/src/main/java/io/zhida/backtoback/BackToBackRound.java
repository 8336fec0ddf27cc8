package io.zhida.backtoback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One round of 背靠背 concentrated evaluation and its results. */
public record BackToBackRound(long id, String name, long seed, int size, LocalDate periodFrom, LocalDate periodTo, String allocation,
                              String status, String createdBy, Instant createdAt, Instant scoredAt, long drawn, long answered,
                              String scoreReason) {

    /** Answered invitations per drawn evaluator, in per cent (0 when nobody was drawn). */
    public BigDecimal responseRate() {
        return drawn == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(answered * 100).divide(BigDecimal.valueOf(drawn), 1, java.math.RoundingMode.HALF_UP);
    }

    /** A sample category of the library (Guangyuan: six, 2,000 in all). */
    public record Category(String code, String name, int quota, int refreshMonths, LocalDate refreshedOn, long active) {
        public LocalDate refreshDue() {
            return refreshedOn.plusMonths(refreshMonths);
        }
    }

    /** One unit's result in a round. */
    public record Result(String kind, String code, String name, BigDecimal concentrated, BigDecimal realtime, BigDecimal total,
                         int rank, int answers, int ratings, String consequence, BigDecimal points) {

        /** Nobody evaluated the unit in this round: flagged, not ranked as if it had scored. */
        public boolean withoutData() {
            return rank == 0;
        }

        public String consequenceLabel() {
            return consequence == null ? "" : Consequences.Kind.valueOf(consequence).label();
        }
    }

    /** What a drawn evaluator sees: the round, whether already answered. */
    public record Invitation(long roundId, String roundName, String token, String category, String status, Instant answeredAt) {
    }
}
