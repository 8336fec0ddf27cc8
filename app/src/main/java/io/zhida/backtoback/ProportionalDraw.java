package io.zhida.backtoback;

import io.zhida.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * 等比例随机抽取: seats per category in proportion to the library (largest remainder method), then a
 * seeded shuffle inside each category. Given the seed and the candidate lists the draw is the same on
 * any machine, so anyone can re-run it and check it.
 */
public final class ProportionalDraw {

    private ProportionalDraw() {
    }

    /**
     * Seats per category: each gets floor(n × size / total), the seats left go to the largest remainders
     * (ties: the larger category, then the category code). Never more than a category holds.
     */
    public static Map<String, Integer> allocate(Map<String, Integer> sizes, int n) {
        long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
        if (n <= 0) {
            throw new InvalidInputException("size", "抽取人数应大于 0");
        }
        if (n > total) {
            throw new InvalidInputException("size", "抽取人数 " + n + " 超过样本库在库人数 " + total);
        }
        Map<String, Integer> seats = new TreeMap<>();
        List<Map.Entry<String, Long>> remainders = new ArrayList<>();
        int given = 0;
        for (var e : new TreeMap<>(sizes).entrySet()) {
            long exact = (long) n * e.getValue();
            int floor = (int) (exact / total);
            seats.put(e.getKey(), floor);
            given += floor;
            remainders.add(Map.entry(e.getKey(), exact % total));
        }
        remainders.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(e -> -sizes.get(e.getKey()))
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; given < n; i++) {
            String category = remainders.get(i % remainders.size()).getKey();
            if (seats.get(category) < sizes.get(category)) {
                seats.merge(category, 1, Integer::sum);
                given++;
            }
        }
        return seats;
    }

    /** Draws the allocated number from each category's candidates (ascending ids), categories in code order. */
    public static Map<String, List<Long>> draw(long seed, Map<String, List<Long>> candidates, Map<String, Integer> seats) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<Long>> drawn = new LinkedHashMap<>();
        for (var e : new TreeMap<>(seats).entrySet()) {
            List<Long> pool = new ArrayList<>(candidates.getOrDefault(e.getKey(), List.of()));
            pool.sort(null);
            int k = e.getValue();
            for (int i = 0; i < k; i++) { // partial Fisher–Yates
                int j = i + random.nextInt(pool.size() - i);
                Long t = pool.get(i);
                pool.set(i, pool.get(j));
                pool.set(j, t);
            }
            drawn.put(e.getKey(), List.copyOf(pool.subList(0, k)));
        }
        return drawn;
    }
}
