package io.zhida.bench;

import io.zhida.datagen.DemoCity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates policy items modelled on real enterprise-support policies: a scope (industry, county,
 * qualification or tag) narrowed by thresholds (revenue, employees, R&amp;D ratio, growth, founding
 * date), size classes, credit and integrity, and sometimes a clause over two attributes (layoff
 * rate) that no index answers. Each condition is written the same way in CEL, DRL and SQL.
 */
final class BenchItems {

    private static final String[] SECTIONS = {"C", "C", "C", "I", "M", "F", "G", "K", "E", "L", "H"};
    private static final String[] QUALIFICATIONS = {"高新技术企业", "专精特新中小企业", "科技型中小企业", "规上企业", "创新型中小企业"};
    private static final String[] TAGS = {"初创企业", "重点企业", "链主企业", "文旅企业"};
    private static final String[][] SCALES = {{"中型", "小型", "微型"}, {"小型", "微型"}, {"微型"}, {"大型"}, {"中型", "小型"}};

    private final Random random;
    private final List<String> regions;

    BenchItems(long seed) {
        this.random = new Random(seed);
        this.regions = DemoCity.counties().stream().map(DemoCity.Region::code).toList();
    }

    List<BenchItem> generate(int count) {
        List<BenchItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(item(String.format("B-%05d", i)));
        }
        return items;
    }

    private BenchItem item(String code) {
        List<String[]> clauses = new ArrayList<>();
        clauses.add(scope());
        int more = 1 + random.nextInt(3);
        for (int i = 0; i < more; i++) {
            clauses.add(narrowing());
        }
        if (random.nextInt(4) == 0) {
            clauses.add(new String[] {"!e.dishonest", "dishonest == false", "dishonest = false"});
        }
        if (random.nextInt(10) == 0) {
            clauses.add(new String[] {"e.layoffs * 100 <= e.insured_employees * 5",
                    "layoffs != null, insuredEmployees != null, layoffs * 100 <= insuredEmployees * 5",
                    "layoffs * 100 <= insured_employees * 5"});
        }
        return new BenchItem(code, join(clauses, 0, " && "), join(clauses, 1, ", "), join(clauses, 2, " AND "));
    }

    private String[] scope() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> {
                String s = SECTIONS[random.nextInt(SECTIONS.length)];
                yield new String[] {"e.industry.startsWith(\"" + s + "\")", "industry str[startsWith] \"" + s + "\"",
                        "industry LIKE '" + s + "%'"};
            }
            case 2 -> {
                String r = regions.get(random.nextInt(regions.size()));
                yield new String[] {"e.region == \"" + r + "\"", "region == \"" + r + "\"", "region = '" + r + "'"};
            }
            case 3, 4 -> {
                String q = QUALIFICATIONS[random.nextInt(QUALIFICATIONS.length)];
                if (random.nextInt(4) == 0) {
                    String q2 = QUALIFICATIONS[random.nextInt(QUALIFICATIONS.length)];
                    yield new String[] {"(\"" + q + "\" in e.qualifications || \"" + q2 + "\" in e.qualifications)",
                            "(qualifications contains \"" + q + "\" || qualifications contains \"" + q2 + "\")",
                            "(qualifications @> ARRAY['" + q + "'] OR qualifications @> ARRAY['" + q2 + "'])"};
                }
                yield new String[] {"\"" + q + "\" in e.qualifications", "qualifications contains \"" + q + "\"",
                        "qualifications @> ARRAY['" + q + "']"};
            }
            default -> {
                String t = TAGS[random.nextInt(TAGS.length)];
                yield new String[] {"\"" + t + "\" in e.tags", "tags contains \"" + t + "\"", "tags @> ARRAY['" + t + "']"};
            }
        };
    }

    private String[] narrowing() {
        return switch (random.nextInt(8)) {
            case 0 -> threshold("revenue", "revenue", "revenue", money(), ">=");
            case 1 -> threshold("employees", "employees", "employees", String.valueOf(5 + random.nextInt(300)), ">=");
            case 2 -> threshold("rd_ratio", "rdRatio", "rd_ratio", String.valueOf(0.01 * (1 + random.nextInt(8))), ">=");
            case 3 -> threshold("revenue_growth", "revenueGrowth", "revenue_growth", String.valueOf(0.05 * (1 + random.nextInt(6))), ">=");
            case 4 -> {
                String date = (2010 + random.nextInt(16)) + "-01-01";
                yield new String[] {"e.founded >= \"" + date + "\"", "founded != null, founded >= \"" + date + "\"",
                        "founded >= DATE '" + date + "'"};
            }
            case 5 -> {
                String[] scales = SCALES[random.nextInt(SCALES.length)];
                String quoted = "\"" + String.join("\", \"", scales) + "\"";
                yield new String[] {"e.scale in [" + quoted + "]", "scale in (" + quoted + ")",
                        "scale IN ('" + String.join("', '", scales) + "')"};
            }
            case 6 -> new String[] {"e.tax_credit_rating in [\"A\", \"B\"]", "taxCreditRating in (\"A\", \"B\")",
                    "tax_credit_rating IN ('A', 'B')"};
            default -> new String[] {"e.status in [\"存续\", \"在业\"]", "status in (\"存续\", \"在业\")", "status IN ('存续', '在业')"};
        };
    }

    private String[] threshold(String cel, String drl, String sql, String value, String op) {
        return new String[] {"e." + cel + " " + op + " " + value, drl + " != null, " + drl + " " + op + " " + value,
                sql + " " + op + " " + value};
    }

    private String money() {
        double[] steps = {1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8, 2e8};
        return String.valueOf((long) steps[random.nextInt(steps.length)]) + ".0";
    }

    private static String join(List<String[]> clauses, int form, String separator) {
        return String.join(separator, clauses.stream().map(c -> c[form]).toList());
    }
}
