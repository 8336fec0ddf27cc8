package io.zhida.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Standard competition ranking, as evaluation results are published: the highest score first, equal scores share a
 * rank and the next rank is skipped (1, 2, 2, 4); equal scores are listed by their key so a ranking never shuffles.
 */
public final class Ranks {

    /** One item with its rank. */
    public record Ranked<T>(T item, int rank) {
    }

    private Ranks() {
    }

    public static <T> List<Ranked<T>> of(List<T> items, Function<T, BigDecimal> score, Function<T, String> key) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(score).reversed().thenComparing(key));
        List<Ranked<T>> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied = i > 0 && score.apply(sorted.get(i - 1)).compareTo(score.apply(sorted.get(i))) == 0;
            ranked.add(new Ranked<>(sorted.get(i), tied ? ranked.get(i - 1).rank() : i + 1));
        }
        return ranked;
    }
}
