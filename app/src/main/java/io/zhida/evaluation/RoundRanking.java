package io.zhida.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<RoundRanking> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparing((RoundRanking r) -> r.total).reversed().thenComparing(r -> r.code));
        List<RoundRanking> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            RoundRanking s = sorted.get(i);
            int rank = i > 0 && sorted.get(i - 1).total().compareTo(s.total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new RoundRanking(s.kind, s.code, s.concentrated, s.realtime, s.total, rank, s.answers, s.ratings));
        }
        return ranked;
    }
}
