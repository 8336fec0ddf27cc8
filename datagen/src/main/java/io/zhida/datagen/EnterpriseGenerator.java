package io.zhida.datagen;

import io.zhida.datagen.Industries.IndustryClass;
import io.zhida.engine.standard.Uscc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic enterprises for the demo city: the same seed always gives the same enterprises, in
 * the same order, so the quick start, the tests and the benchmarks agree. Distributions are
 * shaped like a real register: mostly micro and small firms, a long tail of large ones, some
 * attributes missing the way shared data is incomplete.
 */
public final class EnterpriseGenerator implements Iterator<EnterpriseRecord> {

    private static final String[] BRANDS = {"华信", "恒达", "鑫源", "瑞丰", "宏图", "金鼎", "天成", "嘉禾",
            "同创", "博远", "锦程", "盛世", "长兴", "明德", "新航", "佳和", "益民", "众联", "卓越", "腾飞",
            "安泰", "广益", "聚力", "东方", "远景", "和谐", "润泽", "正阳", "美达", "立信", "万通", "汇通"};
    private static final String[] TIERS = {"微型", "小型", "中型", "大型"};
    private static final LocalDate NEWEST = LocalDate.of(2026, 10, 31);

    private final SplittableRandom random;
    private final long count;
    private long produced;

    public EnterpriseGenerator(long seed, long count) {
        this.random = new SplittableRandom(seed);
        this.count = count;
    }

    @Override
    public boolean hasNext() {
        return produced < count;
    }

    @Override
    public EnterpriseRecord next() {
        return generate(produced++);
    }

    private EnterpriseRecord generate(long index) {
        DemoCity.Region region = DemoCity.counties().get(pickRegion());
        IndustryClass industry = Industries.pick(random);
        boolean individual = random.nextInt(100) < 15;
        String entityType = individual ? "个体工商户" : pickEntityType();
        String uscc = uscc(index, region.code(), individual);
        int tier = individual ? 0 : pickTier();
        int employees = employees(tier);
        double revenue = round(revenue(tier, industry) * (0.6 + random.nextDouble() * 0.8));
        double growth = -0.25 + random.nextDouble() * 0.6;
        LocalDate founded = NEWEST.minusDays((long) (Math.pow(random.nextDouble(), 1.6) * 30 * 365));
        boolean innovative = "CIM".contains(industry.section()) && !individual;
        Double rdExpense = null;
        if (innovative) {
            rdExpense = random.nextInt(100) < 70 ? round(revenue * random.nextDouble() * 0.09) : 0.0;
        }
        int insured = Math.max(0, employees - random.nextInt(Math.max(1, employees / 5 + 1)));
        List<String> qualifications = qualifications(industry, tier, revenue, rdExpense, founded);
        String hitech = qualifications.contains("高新技术企业") ? dateBetween(founded.plusYears(1), NEWEST) : null;
        boolean partialData = random.nextInt(100) < 12; // shared data is incomplete for some firms
        // drawn in this order, so a seed always gives the same enterprises
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("uscc", uscc);
        v.put("name", name(region, industry, entityType));
        v.put("entity_type", entityType);
        v.put("status", pickStatus());
        v.put("founded", founded.toString());
        v.put("registered_capital", individual ? null : (double) (random.nextInt(1, 200) * 50_000L));
        v.put("region", region.code());
        v.put("industry", industry.code());
        v.put("employees", employees);
        v.put("revenue", revenue);
        v.put("revenue_prev", partialData ? null : round(revenue / (1 + growth)));
        v.put("total_assets", partialData ? null : round(revenue * (0.5 + random.nextDouble() * 1.5)));
        v.put("tax_paid", round(revenue * (0.01 + random.nextDouble() * 0.05)));
        v.put("rd_expense", partialData ? null : rdExpense);
        v.put("export_value", "CF".contains(industry.section()) && random.nextInt(100) < 20 ? round(revenue * random.nextDouble() * 0.5) : 0.0);
        v.put("insured_employees", partialData ? null : insured);
        v.put("unemployment_insurance_paid", partialData ? null : round(insured * (600 + random.nextDouble() * 700)));
        v.put("layoffs", random.nextInt(100) < 85 ? 0 : random.nextInt(1, Math.max(2, employees / 10 + 2)));
        v.put("youth_hires", tier == 0 ? random.nextInt(3) / 2 : random.nextInt(0, Math.max(2, employees / 20)));
        v.put("qualifications", qualifications);
        v.put("hitech_certified", hitech);
        v.put("tax_credit_rating", individual && random.nextBoolean() ? null : pickRating());
        v.put("dishonest", random.nextInt(1000) < 5);
        v.put("tags", tags(industry, tier, founded));
        v.put("contact_phone", "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
        v.values().removeIf(java.util.Objects::isNull);
        return new EnterpriseRecord(v);
    }

    private int pickRegion() {
        int[] weights = {24, 18, 16, 10, 9, 10, 13}; // districts are denser than counties
        int ticket = random.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            ticket -= weights[i];
            if (ticket < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private String pickEntityType() {
        int r = random.nextInt(100);
        return r < 80 ? "有限责任公司" : r < 87 ? "股份有限公司" : r < 94 ? "个人独资企业" : "合伙企业";
    }

    private String pickStatus() {
        int r = random.nextInt(100);
        return r < 88 ? "存续" : r < 96 ? "在业" : r < 98 ? "注销" : r < 99 ? "吊销" : "迁出";
    }

    private String pickRating() {
        int r = random.nextInt(100);
        return r < 30 ? "A" : r < 75 ? "B" : r < 88 ? "M" : r < 96 ? "C" : "D";
    }

    /** 0 micro, 1 small, 2 medium, 3 large. */
    private int pickTier() {
        int r = random.nextInt(1000);
        return r < 640 ? 0 : r < 900 ? 1 : r < 980 ? 2 : 3;
    }

    private int employees(int tier) {
        int[][] ranges = {{1, 20}, {20, 300}, {300, 1000}, {1000, 5000}};
        return random.nextInt(ranges[tier][0], ranges[tier][1]);
    }

    private double revenue(int tier, IndustryClass industry) {
        double[] yuan = {1_500_000, 12_000_000, 150_000_000, 800_000_000};
        double factor = "FK".contains(industry.section()) ? 1.6 : "HOPQR".contains(industry.section()) ? 0.5 : 1.0;
        return yuan[tier] * factor;
    }

    private List<String> qualifications(IndustryClass industry, int tier, double revenue, Double rd, LocalDate founded) {
        List<String> q = new ArrayList<>();
        boolean industrial = "BCD".contains(industry.section());
        boolean researching = rd != null && revenue > 0 && rd / revenue >= 0.03;
        if ((industrial && revenue >= 20_000_000) || ("FGHK".contains(industry.section()) && revenue >= 50_000_000)) {
            q.add("规上企业");
        }
        if (researching && tier >= 1 && random.nextInt(100) < 45) {
            q.add("高新技术企业");
        }
        if (researching && tier <= 2 && random.nextInt(100) < 40) {
            q.add("科技型中小企业");
        }
        if (industrial && tier >= 1 && tier <= 2 && random.nextInt(100) < 12) {
            q.add("专精特新中小企业");
            if (random.nextInt(100) < 15) {
                q.add("专精特新\"小巨人\"企业");
            }
        }
        if (founded.isAfter(NEWEST.minusYears(3)) && "CIM".contains(industry.section()) && random.nextInt(100) < 20) {
            q.add("创新型中小企业");
        }
        return List.copyOf(q);
    }

    private List<String> tags(IndustryClass industry, int tier, LocalDate founded) {
        List<String> t = new ArrayList<>();
        t.add(TIERS[tier] + "企业");
        if (founded.isAfter(NEWEST.minusYears(2))) {
            t.add("初创企业");
        }
        if (tier >= 2 && random.nextInt(100) < 30) {
            t.add("重点企业");
        }
        if ("C".equals(industry.section()) && tier == 3 && random.nextInt(100) < 20) {
            t.add("链主企业");
        }
        if ("HR".contains(industry.section()) && random.nextInt(100) < 30) {
            t.add("文旅企业");
        }
        if ("A".equals(industry.section()) && tier >= 1 && random.nextInt(100) < 25) {
            t.add("农业产业化龙头企业");
        }
        return List.copyOf(t);
    }

    private String name(DemoCity.Region region, IndustryClass industry, String entityType) {
        String brand = BRANDS[random.nextInt(BRANDS.length)] + (random.nextInt(3) == 0 ? BRANDS[random.nextInt(BRANDS.length)].charAt(0) : "");
        return switch (entityType) {
            case "个体工商户" -> region.shortName() + brand + industry.nameWord() + "经营部";
            case "股份有限公司" -> DemoCity.CITY_NAME + brand + industry.nameWord() + "股份有限公司";
            case "合伙企业" -> region.shortName() + brand + industry.nameWord() + "合伙企业（有限合伙）";
            case "个人独资企业" -> region.shortName() + brand + industry.nameWord() + "商行";
            default -> region.shortName() + brand + industry.nameWord() + "有限公司";
        };
    }

    /** Unique by construction: the organisation-code part encodes the running index. */
    private String uscc(long index, String regionCode, boolean individual) {
        StringBuilder org = new StringBuilder();
        long n = index * 7919 + 104_729;
        for (int i = 0; i < 8; i++) {
            org.append(Uscc.ALPHABET.charAt((int) (n % 31)));
            n /= 31;
        }
        org.reverse().append(Uscc.ALPHABET.charAt(random.nextInt(31)));
        String body = (individual ? "92" : "91") + regionCode + org;
        return body + Uscc.checkCharacter(body);
    }

    private String dateBetween(LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return to.toString();
        }
        return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay())).toString();
    }

    private static double round(double yuan) {
        return Math.round(yuan * 100) / 100.0;
    }
}
