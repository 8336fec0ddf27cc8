package io.zhida.backtoback;

import io.zhida.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proportional draw, the 80/20 score, rankings with ties, and the consecutive-last rules, by hand. */
class BackToBackRulesTest {

    static final Map<String, Integer> GUANGYUAN = Map.of("ENTERPRISE", 1000, "SMALL", 300, "CITIZEN", 300, "SUPERVISOR", 50,
            "DEPUTY", 330, "MEDIA", 20);

    @Test
    void theGuangyuanLibraryGivesThreeHundredSeatsInProportionWithTheLastSeatToTheLargestRemainder() {
        Map<String, Integer> seats = ProportionalDraw.allocate(GUANGYUAN, 300);
        // exact shares 150, 45, 45, 7.5, 49.5, 3: floors make 299; the tie of 0.5 goes to the larger category
        assertThat(seats).containsExactlyInAnyOrderEntriesOf(Map.of("ENTERPRISE", 150, "SMALL", 45, "CITIZEN", 45, "SUPERVISOR", 7,
                "DEPUTY", 50, "MEDIA", 3));
    }

    @Test
    void everyAllocationSumsToNAndKeepsEachCategoryWithinOneSeatOfItsExactShare() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            Map<String, Integer> sizes = new LinkedHashMap<>();
            int categories = 1 + random.nextInt(8);
            long total = 0;
            for (int c = 0; c < categories; c++) {
                int size = random.nextInt(400);
                sizes.put("C" + c, size);
                total += size;
            }
            if (total == 0) {
                continue;
            }
            int n = 1 + random.nextInt((int) total);
            Map<String, Integer> seats = ProportionalDraw.allocate(sizes, n);
            assertThat(seats.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
            for (var e : sizes.entrySet()) {
                double exact = (double) n * e.getValue() / total;
                assertThat(seats.get(e.getKey())).isBetween((int) Math.floor(exact), (int) Math.ceil(exact)).isLessThanOrEqualTo(e.getValue());
            }
        }
    }

    @Test
    void theDrawIsTheSameForTheSameSeedAndDifferentForAnother() {
        Map<String, List<Long>> candidates = new LinkedHashMap<>();
        long next = 1;
        for (var e : GUANGYUAN.entrySet()) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < e.getValue(); i++) {
                ids.add(next++);
            }
            candidates.put(e.getKey(), ids);
        }
        Map<String, Integer> seats = ProportionalDraw.allocate(GUANGYUAN, 300);
        Map<String, List<Long>> first = ProportionalDraw.draw(20261121L, candidates, seats);
        Map<String, List<Long>> again = ProportionalDraw.draw(20261121L, candidates, seats);
        Map<String, List<Long>> other = ProportionalDraw.draw(20261122L, candidates, seats);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        first.forEach((category, ids) -> {
            assertThat(ids).hasSize(seats.get(category)).doesNotHaveDuplicates();
            assertThat(candidates.get(category)).containsAll(ids); // nobody drawn from another category
        });
        assertThat(new HashSet<>(first.values().stream().flatMap(List::stream).toList())).hasSize(300);
    }

    @Test
    void drawingMoreThanTheLibraryHoldsIsRefused() {
        assertThatThrownBy(() -> ProportionalDraw.allocate(Map.of("A", 3, "B", 2), 6)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ProportionalDraw.allocate(Map.of("A", 3), 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theScoreIsEightyPercentConcentratedAndTwentyPercentRealTime() {
        assertThat(RoundRanking.points(4 + 5 + 3, 3)).isEqualByComparingTo("80.00"); // 1–5 count 20 points each
        assertThat(RoundRanking.weighted(new BigDecimal("80"), new BigDecimal("60"), 80)).isEqualByComparingTo("76.00");
        assertThat(RoundRanking.weighted(new BigDecimal("90"), null, 80)).as("no real-time ratings: the concentrated score stands")
                .isEqualByComparingTo("90.00");
        assertThat(RoundRanking.weighted(new BigDecimal("72.5"), new BigDecimal("100"), 70)).isEqualByComparingTo("80.75");
    }

    @Test
    void equalTotalsShareTheBestRank() {
        List<RoundRanking> ranked = RoundRanking.rank(List.of(score("a", "70"), score("b", "90"), score("c", "70"), score("d", "50")));
        assertThat(ranked).extracting(RoundRanking::code, RoundRanking::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", 1), org.assertj.core.groups.Tuple.tuple("a", 2),
                        org.assertj.core.groups.Tuple.tuple("c", 2), org.assertj.core.groups.Tuple.tuple("d", 4));
    }

    static final Consequences.Rules RULES = new Consequences.Rules(80, 1, 5, 2, 5,
            List.of(new BigDecimal("0.2"), new BigDecimal("0.5"), new BigDecimal("0.8")),
            List.of(new BigDecimal("0.2"), new BigDecimal("0.5"), new BigDecimal("0.8")));

    @Test
    void lastOnceRectifiesTwiceInARowIsAnInterviewThreeTimesAReview() {
        Consequences.Place last1 = new Consequences.Place(1, 2026, 8, 8, 8);
        Consequences.Place last2 = new Consequences.Place(2, 2026, 8, 8, 8);
        Consequences.Place last3 = new Consequences.Place(3, 2026, 8, 8, 8);
        Consequences.Place middle = new Consequences.Place(2, 2026, 4, 4, 8);
        assertThat(Consequences.of("COUNTY", List.of(last1), RULES).consequence()).isEqualTo(Consequences.Kind.RECTIFY);
        assertThat(Consequences.of("COUNTY", List.of(last1, last2), RULES).consequence()).isEqualTo(Consequences.Kind.INTERVIEW);
        assertThat(Consequences.of("COUNTY", List.of(last1, last2, last3), RULES).consequence()).isEqualTo(Consequences.Kind.REVIEW);
        Consequences.Outcome broken = Consequences.of("COUNTY", List.of(last1, middle, last3), RULES);
        assertThat(broken.consequence()).as("not in a row: rectify again").isEqualTo(Consequences.Kind.RECTIFY);
        assertThat(broken.consecutiveLast()).isEqualTo(1);
        assertThat(broken.points()).as("last twice in the year").isEqualByComparingTo("-0.5");
        assertThat(Consequences.of("COUNTY", List.of(middle), RULES).consequence()).isNull();
    }

    @Test
    void theLastFiveDepartmentsRectifyAndUnitsTiedForLastAreAllLast() {
        // 41 departments: rank 37 is within the last five, rank 36 is not
        assertThat(Consequences.of("DEPARTMENT", List.of(new Consequences.Place(1, 2026, 37, 37, 41)), RULES).consequence())
                .isEqualTo(Consequences.Kind.RECTIFY);
        assertThat(Consequences.of("DEPARTMENT", List.of(new Consequences.Place(1, 2026, 36, 36, 41)), RULES).consequence()).isNull();
        // three counties tied at the bottom of eight (ranks 6, 6, 6 → worst rank 8): each of them is last
        assertThat(Consequences.of("COUNTY", List.of(new Consequences.Place(1, 2026, 6, 8, 8)), RULES).consequence())
                .isEqualTo(Consequences.Kind.RECTIFY);
    }

    @Test
    void topPlacesEarnPointsPerYearAndANewYearStartsAgain() {
        Consequences.Place first2025 = new Consequences.Place(1, 2025, 1, 1, 8);
        Consequences.Place first = new Consequences.Place(2, 2026, 1, 1, 8);
        Consequences.Place second = new Consequences.Place(3, 2026, 2, 2, 8);
        Consequences.Place third = new Consequences.Place(4, 2026, 2, 2, 8);
        Consequences.Place fourth = new Consequences.Place(5, 2026, 1, 1, 8);
        assertThat(Consequences.of("COUNTY", List.of(first2025, first), RULES).points()).isEqualByComparingTo("0.2");
        assertThat(Consequences.of("COUNTY", List.of(first2025, first, second), RULES).points()).isEqualByComparingTo("0.5");
        assertThat(Consequences.of("COUNTY", List.of(first2025, first, second, third), RULES).points()).isEqualByComparingTo("0.8");
        assertThat(Consequences.of("COUNTY", List.of(first2025, first, second, third, fourth), RULES).points())
                .as("the scale stops at three times").isEqualByComparingTo("0.8");
    }

    private static RoundRanking score(String code, String total) {
        return new RoundRanking("COUNTY", code, new BigDecimal(total), null, new BigDecimal(total), 0, 0, 0);
    }
}
