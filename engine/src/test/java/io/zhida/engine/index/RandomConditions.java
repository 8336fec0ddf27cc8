package io.zhida.engine.index;

import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.DerivedAttributes;
import io.zhida.engine.rule.EnterpriseValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random enterprises (with missing attributes) and random conditions of every shape the planner knows, and some it does not. */
final class RandomConditions {

    private static final String[] INDUSTRIES = {"C13", "C1391", "C3911", "C39", "I65", "I6513", "M73", "F51", "B06", "D44", "K70", "A01", "H61"};
    private static final String[] REGIONS = {"519902", "519903", "519921", "519922", "519981"};
    private static final String[] QUALIFICATIONS = {"高新技术企业", "专精特新中小企业", "科技型中小企业", "规上企业", "创新型中小企业"};
    private static final String[] TAGS = {"链主企业", "外贸企业", "小升规培育"};
    private static final String[] STATUSES = {"存续", "在业", "注销", "吊销"};

    private final Random random;

    RandomConditions(long seed) {
        this.random = new Random(seed);
    }

    Map<String, Object> enterprise(AttributeSchema schema) {
        Map<String, Object> raw = new HashMap<>();
        maybe(raw, "industry", INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
        maybe(raw, "region", REGIONS[random.nextInt(REGIONS.length)]);
        maybe(raw, "status", STATUSES[random.nextInt(STATUSES.length)]);
        maybe(raw, "employees", (long) random.nextInt(0, 400));
        maybe(raw, "insured_employees", (long) random.nextInt(0, 300));
        maybe(raw, "layoffs", (long) random.nextInt(0, 6));
        maybe(raw, "youth_hires", (long) random.nextInt(0, 5));
        maybe(raw, "revenue", pickMoney());
        maybe(raw, "revenue_prev", pickMoney());
        maybe(raw, "total_assets", pickMoney());
        maybe(raw, "tax_paid", pickMoney() / 50);
        maybe(raw, "rd_expense", random.nextInt(4) == 0 ? 0.0 : pickMoney() / 20);
        maybe(raw, "founded", "20" + (10 + random.nextInt(17)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
        maybe(raw, "hitech_certified", "202" + random.nextInt(7) + "-0" + (1 + random.nextInt(9)) + "-15");
        maybe(raw, "dishonest", random.nextInt(10) == 0);
        maybe(raw, "tax_credit_rating", "ABMCD".substring(random.nextInt(5)).substring(0, 1));
        maybe(raw, "qualifications", subset(QUALIFICATIONS));
        maybe(raw, "tags", subset(TAGS));
        return DerivedAttributes.enrich(EnterpriseValues.normalize(raw, schema));
    }

    private void maybe(Map<String, Object> raw, String name, Object value) {
        if (random.nextInt(100) >= 12) {
            raw.put(name, value);
        }
    }

    private double pickMoney() {
        double[] grid = {0, 1_000_000, 5_000_000, 10_000_000, 20_000_000, 50_000_000};
        return random.nextBoolean() ? grid[random.nextInt(grid.length)] : Math.round(random.nextDouble() * 60_000_000);
    }

    private List<String> subset(String[] from) {
        List<String> s = new ArrayList<>();
        for (String v : from) {
            if (random.nextInt(3) == 0) {
                s.add(v);
            }
        }
        return s;
    }

    String condition(int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return leaf();
        }
        return switch (random.nextInt(5)) {
            case 0, 1 -> condition(depth - 1) + " && " + condition(depth - 1);
            case 2, 3 -> "(" + condition(depth - 1) + " || " + condition(depth - 1) + ")";
            default -> "!(" + condition(depth - 1) + ")";
        };
    }

    String leaf() {
        String[] ops = {"<", "<=", ">", ">=", "==", "!="};
        String op = ops[random.nextInt(ops.length)];
        return switch (random.nextInt(30)) {
            case 24 -> "e.employees - e.insured_employees " + op + " " + random.nextInt(-20, 20);
            case 25 -> "e.revenue / e.total_assets >= 0.5";
            case 26 -> "e.employees * 4611686018427387904 > e.layoffs";
            case 27 -> "e.employees / e.layoffs " + op + " 2";
            case 28 -> "-e.employees < -e.layoffs";
            case 29 -> "e.revenue_prev + e.revenue " + op + " e.total_assets * 2.0";
            case 0 -> "e.employees " + op + " " + random.nextInt(0, 400);
            case 1 -> "e.employees " + ops[random.nextInt(4)] + " " + random.nextInt(0, 400) + ".5";
            case 2 -> "e.revenue " + op + " " + pickMoney();
            case 3 -> "e.revenue >= " + (long) pickMoney();
            case 4 -> random.nextInt(0, 400) + " " + op + " e.insured_employees";
            case 5 -> "e.industry.startsWith(\"" + INDUSTRIES[random.nextInt(INDUSTRIES.length)].substring(0, 1 + random.nextInt(2)) + "\")";
            case 6 -> "e.industry " + op + " \"" + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + "\"";
            case 7 -> "e.region in [\"" + REGIONS[random.nextInt(REGIONS.length)] + "\", \"" + REGIONS[random.nextInt(REGIONS.length)] + "\"]";
            case 8 -> "e.industry.matches(\"^[BCD]\")";
            case 9 -> "\"" + QUALIFICATIONS[random.nextInt(QUALIFICATIONS.length)] + "\" in e.qualifications";
            case 10 -> "\"" + TAGS[random.nextInt(TAGS.length)] + "\" in e.tags";
            case 11 -> random.nextBoolean() ? "e.dishonest" : "e.dishonest == false";
            case 12 -> "has(e.revenue_prev)";
            case 13 -> "e.founded " + op + " \"20" + (10 + random.nextInt(17)) + "-06-01\"";
            case 14 -> "e.hitech_certified " + ops[random.nextInt(4)] + " today";
            case 15 -> "e.layoffs * 100 <= e.insured_employees * 5";
            case 16 -> "e.tax_paid > e.revenue * 0.01";
            case 17 -> "e.qualifications.exists(q, q.startsWith(\"专精\"))";
            case 18 -> "size(e.tags) > 1";
            case 19 -> "e.rd_ratio >= 0.0" + random.nextInt(1, 9);
            case 20 -> "e.scale in [\"小型\", \"微型\"]";
            case 21 -> "e.employees / " + random.nextInt(0, 3) + " > 10";
            case 22 -> "today > \"2026-06-01\"";
            default -> "e.employees in [" + random.nextInt(0, 400) + ", " + random.nextInt(0, 400) + "]";
        };
    }
}
