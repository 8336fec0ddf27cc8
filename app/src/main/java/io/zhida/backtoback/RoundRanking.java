package io.zhida.backtoback;

import io.zhida.platform.Ranks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A round's score of one unit: 80% concentrated evaluation + 20% real-time ratings (weights
 * configurable), out of 100. Answers of 1–5 count 20 points each. A unit nobody rated in real time
 * takes its concentrated score for that part, so a quiet window is neither rewarded nor punished.
 */
public record RoundRanking(String kind, String code, BigDecimal concentrated, BigDecimal realtime, BigDecimal total, int rank,
                           int answers, int ratings) {

    /** Mean of 1–5 answers as points out of 100; null when there are none. */
    public static BigDecimal points(long sumOfStars, long count) {
        return count == 0 ? null
                : BigDecimal.valueOf(sumOfStars * 20L).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal weighted(BigDecimal concentrated, BigDecimal realtime, int concentratedWeight) {
        BigDecimal c = concentrated == null ? BigDecimal.ZERO : concentrated;
        BigDecimal r = realtime == null ? c : realtime;
        BigDecimal w = BigDecimal.valueOf(concentratedWeight);
        return c.multiply(w).add(r.multiply(BigDecimal.valueOf(100 - concentratedWeight)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** Unranked scores of one kind → ranked, highest first; equal totals share a rank (1, 2, 2, 4). */
    public static List<RoundRanking> rank(List<RoundRanking> scores) {
        return Ranks.of(scores, RoundRanking::total, RoundRanking::code).stream()
                .map(r -> new RoundRanking(r.item().kind, r.item().code, r.item().concentrated, r.item().realtime, r.item().total,
                        r.rank(), r.item().answers, r.item().ratings))
                .toList();
    }
}
