package io.zhida.engine.standard;

import java.util.Optional;

/**
 * Enterprise size per 统计上大中小微型企业划分办法(2017) (国统字〔2017〕213号). X = employees,
 * Y = operating revenue, Z = total assets; Y and Z in 万元 as in the standard (callers pass yuan).
 * Large, medium and small must meet every listed lower bound of their tier, otherwise the
 * enterprise drops a tier; what is not small is micro (it then meets at least one micro condition).
 */
public final class SizeClass {

    public static final String LARGE = "大型";
    public static final String MEDIUM = "中型";
    public static final String SMALL = "小型";
    public static final String MICRO = "微型";

    /** Lower bounds of large, medium, small for each indicator; null where the row does not use it. */
    private record Row(long[] x, long[] y, long[] z) {
    }

    private static final Row AGRICULTURE = new Row(null, b(20_000, 500, 50), null);
    private static final Row INDUSTRY = new Row(b(1000, 300, 20), b(40_000, 2000, 300), null);
    private static final Row CONSTRUCTION = new Row(null, b(80_000, 6000, 300), b(80_000, 5000, 300));
    private static final Row WHOLESALE = new Row(b(200, 20, 5), b(40_000, 5000, 1000), null);
    private static final Row RETAIL = new Row(b(300, 50, 10), b(20_000, 500, 100), null);
    private static final Row TRANSPORT = new Row(b(1000, 300, 20), b(30_000, 3000, 200), null);
    private static final Row WAREHOUSING = new Row(b(200, 100, 20), b(30_000, 1000, 100), null);
    private static final Row POSTAL = new Row(b(1000, 300, 20), b(30_000, 2000, 100), null);
    private static final Row ACCOMMODATION_CATERING = new Row(b(300, 100, 10), b(10_000, 2000, 100), null);
    private static final Row TELECOM = new Row(b(2000, 100, 10), b(100_000, 1000, 100), null);
    private static final Row SOFTWARE = new Row(b(300, 100, 10), b(10_000, 1000, 50), null);
    private static final Row REAL_ESTATE_DEVELOPMENT = new Row(null, b(200_000, 1000, 100), b(10_000, 5000, 2000));
    private static final Row PROPERTY_MANAGEMENT = new Row(b(1000, 300, 100), b(5000, 1000, 500), null);
    private static final Row LEASING_BUSINESS = new Row(b(300, 100, 10), null, b(120_000, 8000, 100));
    private static final Row OTHER = new Row(b(300, 100, 10), null, null);

    private SizeClass() {
    }

    /**
     * The size class, or empty when an indicator the industry's row needs is missing.
     *
     * @param industry GB/T 4754-2017 code, section letter first (e.g. C3911)
     */
    public static Optional<String> classify(String industry, Integer employees, Double revenueYuan, Double totalAssetsYuan) {
        if (industry == null || industry.isEmpty()) {
            return Optional.empty();
        }
        Row row = rowFor(industry);
        Double y = revenueYuan == null ? null : revenueYuan / 10_000;
        Double z = totalAssetsYuan == null ? null : totalAssetsYuan / 10_000;
        if ((row.x() != null && employees == null) || (row.y() != null && y == null) || (row.z() != null && z == null)) {
            return Optional.empty();
        }
        String[] tiers = {LARGE, MEDIUM, SMALL};
        for (int tier = 0; tier < 3; tier++) {
            if (meets(row.x(), tier, employees == null ? null : employees.doubleValue()) && meets(row.y(), tier, y) && meets(row.z(), tier, z)) {
                return Optional.of(tiers[tier]);
            }
        }
        return Optional.of(MICRO);
    }

    private static boolean meets(long[] bounds, int tier, Double value) {
        return bounds == null || value >= bounds[tier];
    }

    private static Row rowFor(String industry) {
        char section = industry.charAt(0);
        int division = industry.length() >= 3 ? Integer.parseInt(industry.substring(1, 3)) : -1;
        return switch (section) {
            case 'A' -> AGRICULTURE;
            case 'B', 'C', 'D' -> INDUSTRY;
            case 'E' -> CONSTRUCTION;
            case 'F' -> division == 51 ? WHOLESALE : division == 52 ? RETAIL : OTHER;
            case 'G' -> division >= 54 && division <= 58 ? TRANSPORT : division == 59 ? WAREHOUSING : division == 60 ? POSTAL : OTHER;
            case 'H' -> ACCOMMODATION_CATERING;
            case 'I' -> division == 63 || division == 64 ? TELECOM : division == 65 ? SOFTWARE : OTHER;
            case 'K' -> industry.startsWith("K7010") ? REAL_ESTATE_DEVELOPMENT : industry.startsWith("K702") ? PROPERTY_MANAGEMENT : OTHER;
            case 'L' -> LEASING_BUSINESS;
            default -> OTHER;
        };
    }

    private static long[] b(long large, long medium, long small) {
        return new long[] {large, medium, small};
    }
}
