package io.zhida.engine.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every industry row of the 2017 size standard at its boundaries: exactly on a lower bound is in
 * the tier, one below drops a tier. Y and Z are given in 万元 here and passed on in yuan.
 */
class SizeClassTest {

    private static String size(String industry, Integer x, Double y万, Double z万) {
        return SizeClass.classify(industry, x, y万 == null ? null : y万 * 10_000, z万 == null ? null : z万 * 10_000).orElse("?");
    }

    /** For a row using X and Y: bounds for large, medium, small. */
    private static void checkXY(String industry, int[] x, double[] y) {
        String[] tiers = {"大型", "中型", "小型"};
        for (int t = 0; t < 3; t++) {
            assertThat(size(industry, x[t], y[t], null)).as("%s at the %s bound", industry, tiers[t]).isEqualTo(tiers[t]);
            String below = t == 2 ? "微型" : tiers[t + 1];
            assertThat(size(industry, x[t] - 1, y[t], null)).as("%s X just below %s", industry, tiers[t]).isEqualTo(below);
            assertThat(size(industry, x[t], y[t] - 0.01, null)).as("%s Y just below %s", industry, tiers[t]).isEqualTo(below);
        }
        assertThat(size(industry, 0, 0.0, null)).isEqualTo("微型");
    }

    @Test
    void industry() {
        for (String code : new String[] {"B0610", "C3911", "D4411"}) {
            checkXY(code, new int[] {1000, 300, 20}, new double[] {40000, 2000, 300});
        }
    }

    @Test
    void wholesaleAndRetail() {
        checkXY("F5123", new int[] {200, 20, 5}, new double[] {40000, 5000, 1000});
        checkXY("F5212", new int[] {300, 50, 10}, new double[] {20000, 500, 100});
    }

    @Test
    void transportWarehousingPostal() {
        for (String code : new String[] {"G5430", "G5511", "G5631", "G5711", "G5810"}) {
            checkXY(code, new int[] {1000, 300, 20}, new double[] {30000, 3000, 200});
        }
        checkXY("G5911", new int[] {200, 100, 20}, new double[] {30000, 1000, 100});
        checkXY("G6010", new int[] {1000, 300, 20}, new double[] {30000, 2000, 100});
    }

    @Test
    void accommodationCateringTelecomSoftwareProperty() {
        checkXY("H6110", new int[] {300, 100, 10}, new double[] {10000, 2000, 100});
        checkXY("H6210", new int[] {300, 100, 10}, new double[] {10000, 2000, 100});
        checkXY("I6311", new int[] {2000, 100, 10}, new double[] {100000, 1000, 100});
        checkXY("I6421", new int[] {2000, 100, 10}, new double[] {100000, 1000, 100});
        checkXY("I6513", new int[] {300, 100, 10}, new double[] {10000, 1000, 50});
        checkXY("K7020", new int[] {1000, 300, 100}, new double[] {5000, 1000, 500});
    }

    @Test
    void agricultureUsesRevenueOnly() {
        assertThat(size("A0141", null, 20000.0, null)).isEqualTo("大型");
        assertThat(size("A0141", null, 19999.99, null)).isEqualTo("中型");
        assertThat(size("A0141", null, 500.0, null)).isEqualTo("中型");
        assertThat(size("A0141", null, 499.99, null)).isEqualTo("小型");
        assertThat(size("A0141", null, 50.0, null)).isEqualTo("小型");
        assertThat(size("A0141", null, 49.99, null)).isEqualTo("微型");
    }

    @Test
    void constructionUsesRevenueAndAssets() {
        String[] tiers = {"大型", "中型", "小型"};
        double[] y = {80000, 6000, 300};
        double[] z = {80000, 5000, 300};
        for (int t = 0; t < 3; t++) {
            String below = t == 2 ? "微型" : tiers[t + 1];
            assertThat(size("E4710", null, y[t], z[t])).isEqualTo(tiers[t]);
            assertThat(size("E4710", null, y[t] - 0.01, z[t])).isEqualTo(below);
            assertThat(size("E4710", null, y[t], z[t] - 0.01)).isEqualTo(below);
        }
    }

    @Test
    void realEstateDevelopmentUsesRevenueAndAssets() {
        assertThat(size("K7010", null, 200000.0, 10000.0)).isEqualTo("大型");
        assertThat(size("K7010", null, 199999.0, 10000.0)).isEqualTo("中型");
        assertThat(size("K7010", null, 1000.0, 5000.0)).isEqualTo("中型");
        assertThat(size("K7010", null, 1000.0, 4999.0)).isEqualTo("小型");
        assertThat(size("K7010", null, 100.0, 2000.0)).isEqualTo("小型");
        assertThat(size("K7010", null, 99.0, 2000.0)).isEqualTo("微型");
        assertThat(size("K7010", null, 100.0, 1999.0)).isEqualTo("微型");
    }

    @Test
    void leasingAndBusinessServicesUseEmployeesAndAssets() {
        for (String code : new String[] {"L7111", "L7212"}) {
            assertThat(size(code, 300, null, 120000.0)).isEqualTo("大型");
            assertThat(size(code, 299, null, 120000.0)).isEqualTo("中型");
            assertThat(size(code, 100, null, 8000.0)).isEqualTo("中型");
            assertThat(size(code, 100, null, 7999.0)).isEqualTo("小型");
            assertThat(size(code, 10, null, 100.0)).isEqualTo("小型");
            assertThat(size(code, 9, null, 100.0)).isEqualTo("微型");
            assertThat(size(code, 10, null, 99.0)).isEqualTo("微型");
        }
    }

    @Test
    void otherIndustriesUseEmployeesOnly() {
        for (String code : new String[] {"M7320", "N7721", "O8010", "Q8421", "R8710", "K7090", "G5320", "P8336"}) {
            assertThat(size(code, 300, null, null)).as(code).isEqualTo("大型");
            assertThat(size(code, 299, null, null)).as(code).isEqualTo("中型");
            assertThat(size(code, 100, null, null)).as(code).isEqualTo("中型");
            assertThat(size(code, 99, null, null)).as(code).isEqualTo("小型");
            assertThat(size(code, 10, null, null)).as(code).isEqualTo("小型");
            assertThat(size(code, 9, null, null)).as(code).isEqualTo("微型");
        }
    }

    @Test
    void aMissingIndicatorMeansNoSizeRatherThanAGuess() {
        assertThat(SizeClass.classify("C3911", 500, null, null)).isEqualTo(Optional.empty());
        assertThat(SizeClass.classify("E4710", null, 1e8, null)).isEqualTo(Optional.empty());
        assertThat(SizeClass.classify(null, 5, 1.0, 1.0)).isEqualTo(Optional.empty());
    }
}
