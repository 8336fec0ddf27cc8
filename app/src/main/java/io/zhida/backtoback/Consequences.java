package io.zhida.backtoback;

import java.math.BigDecimal;
import java.util.List;

/**
 * 结果运用 (Guangyuan): the last county and the last five departments of a round rectify; last twice in a
 * row → interview by the city government; three times or more → review before the standing committee.
 * Annual performance points: top 2 counties / top 5 departments +0.2 / +0.5 / +0.8 for being there
 * 1 / 2 / 3 times in the year, the last ones the same amounts off. All numbers are rules, not code.
 */
public final class Consequences {

    public enum Kind {
        RECTIFY("专项整改"), INTERVIEW("市政府约谈"), REVIEW("常委会检视述职");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The rules; counts per kind of unit, point steps for 1, 2, 3+ times. */
    public record Rules(int concentratedWeight, int lastCounties, int lastDepartments, int topCounties, int topDepartments,
                        List<BigDecimal> bonus, List<BigDecimal> penalty) {

        public int last(String kind) {
            return kind.equals("COUNTY") ? lastCounties : lastDepartments;
        }

        public int top(String kind) {
            return kind.equals("COUNTY") ? topCounties : topDepartments;
        }
    }

    /**
     * A unit's place in a round: its rank (ties share the best, 1, 2, 2, 4) and its worst rank (ties share the
     * worst, 1, 3, 3, 4), so that units tied for last are all last and units tied for first are all first.
     */
    public record Place(long round, int year, int rank, int worstRank, int of) {
    }

    /** What follows for a unit after the latest of its rounds. */
    public record Outcome(Kind consequence, int consecutiveLast, BigDecimal points) {
    }

    private Consequences() {
    }

    static boolean isLast(Place p, int lastN) {
        return p.worstRank() > p.of() - lastN;
    }

    static boolean isTop(Place p, int topN) {
        return p.rank() <= topN;
    }

    /** The places of one unit in rounds in time order, the current round last. */
    public static Outcome of(String kind, List<Place> places, Rules rules) {
        Place current = places.get(places.size() - 1);
        int consecutive = 0;
        for (int i = places.size() - 1; i >= 0 && isLast(places.get(i), rules.last(kind)); i--) {
            consecutive++;
        }
        Kind consequence = consecutive == 0 ? null : consecutive == 1 ? Kind.RECTIFY : consecutive == 2 ? Kind.INTERVIEW : Kind.REVIEW;
        int tops = 0;
        int lasts = 0;
        for (Place p : places) {
            if (p.year() == current.year()) {
                tops += isTop(p, rules.top(kind)) ? 1 : 0;
                lasts += isLast(p, rules.last(kind)) ? 1 : 0;
            }
        }
        BigDecimal points = step(rules.bonus(), tops).subtract(step(rules.penalty(), lasts));
        return new Outcome(consequence, consecutive, points);
    }

    private static BigDecimal step(List<BigDecimal> steps, int times) {
        return times == 0 ? BigDecimal.ZERO : steps.get(Math.min(times, steps.size()) - 1);
    }
}
