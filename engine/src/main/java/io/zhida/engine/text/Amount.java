package io.zhida.engine.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a clause pays, read from the words after its conditions: a fixed sum, a rate of an attribute
 * (按研发费用的10%), an amount per head (每招用1人1500元), tiers (分别给予10万元、30万元), a range, and the cap.
 */
record Amount(String formula, BigDecimal cap, List<BigDecimal> tiers, String attribute, String noun, BigDecimal rate) {

    private static final String NUM = "(" + ChineseNumbers.NUMBER + ")";
    private static final String MONEY = "\\s*(亿元|万元|元)";
    private static final String HIRE = "(?:招用|吸纳|新增|录用|聘用|安置|招收|新招|引进)";

    /** Where the amount's words begin: 按…%、给予、每招用1人…、最高…、减按…税率. */
    static final Pattern START = Pattern.compile("按(?:照)?(?=[^，；。]{0,30}?(?:[%％‰]|每人|每名|每户))|(?:可|并|一次性|分别|再|另外|另行)?给予|予以|每" + HIRE
            + "?(?:一|1)?(?:名|人)(?!民)|(?:最高|最多)(?:可)?(?:奖励|补助|补贴|资助|给予)?[^，；。\\d]{0,4}\\d|(?:奖励|补助|补贴|资助|补贴标准为?)\\s*\\d"
            + "|减按|免征|减半征收|减征|对超出[^，；。]{0,12}部分");
    private static final Pattern CAP = Pattern.compile("(?:最高|最多|上限为?|封顶|不超过|累计不超过|总额不超过)[^，；。\\d]{0,8}?" + NUM + MONEY);
    private static final Pattern RANGE = Pattern.compile(NUM + "\\s*(?:亿元|万元|元)?\\s*(?:至|到|-|－|~|～)\\s*" + NUM + MONEY);
    private static final Pattern RATE = Pattern.compile("按(?:照)?(?:其|企业|单位)?([^，；。%％‰]{0,30}?)的?" + NUM + "\\s*([%％‰])"
            + "|([\\u4e00-\\u9fa5]{2,20}?)的?" + NUM + "\\s*([%％‰])的?(?:比例)?(?:给予)?(?:补助|奖励|补贴|返还|资助|贴息)");
    private static final Pattern EXCESS = Pattern.compile("(?:超出|超过)" + NUM + MONEY + "(?:的)?部分[^，；。%％]{0,6}?" + NUM + "\\s*[%％]");
    private static final Pattern PER_HEAD = Pattern.compile("每" + HIRE + "?(?:一|1)?(?:名|人)[^；。]{0,20}?" + NUM + MONEY
            + "|按(?:照)?(?:其)?[^，；。]{0,10}?每(?:人|名)(?:每年)?" + NUM + MONEY);
    private static final Pattern PER_UNIT = Pattern.compile("每(?:辆|台|套|平方米|亩|个|项|次|场|批|件|吨|千瓦)");
    private static final Pattern RELIEF = Pattern.compile("减按|免征|减半征收|减征");
    private static final Pattern SUM = Pattern.compile(NUM + MONEY);
    private static final Pattern NOUN = Pattern.compile("([\\u4e00-\\u9fa5]{0,8}?)(奖励|补助|补贴|资助|贴息|返还|奖补)");

    /** Rate bases beyond the standard's money attributes. */
    private static final List<ConditionReader.Named> BASES = List.of(
            new ConditionReader.Named("失业保险费", "unemployment_insurance_paid", ConditionReader.Measure.MONEY));
    /** Money attributes named anywhere in a text, and as the last noun of a rate's base (compiled once). */
    private static final List<Map.Entry<Pattern, String>> MONEY_ANYWHERE = ConditionReader.ATTRIBUTES.stream()
            .filter(n -> n.measure() == ConditionReader.Measure.MONEY).map(n -> Map.entry(Pattern.compile(n.words()), n.attribute())).toList();
    private static final List<Map.Entry<Pattern, String>> MONEY_AT_END = java.util.stream.Stream.concat(BASES.stream(),
                    ConditionReader.ATTRIBUTES.stream().filter(n -> n.measure() == ConditionReader.Measure.MONEY))
            .map(n -> Map.entry(Pattern.compile("(?:" + n.words() + ")$"), n.attribute())).toList();

    /**
     * @param zone   the words from where the amount begins
     * @param clause the whole sentence, for what a head count counts (招用高校毕业生 → youth_hires)
     * @param before the words before the amount, for the attribute an excess is over (研发费用超过100万元的…超出部分)
     */
    static Optional<Amount> read(String zone, String clause, String before) {
        List<int[]> used = new ArrayList<>();
        BigDecimal cap = null;
        Matcher c = CAP.matcher(zone);
        if (c.find()) {
            cap = money(c.group(1), c.group(2)).orElse(null);
            used.add(new int[] {c.start(), c.end()});
        }
        String formula = null;
        String attribute = null;
        BigDecimal rateValue = null;
        List<BigDecimal> tiers = List.of();
        Matcher range = RANGE.matcher(zone);
        Matcher rate = RATE.matcher(zone);
        Matcher perHead = PER_HEAD.matcher(zone);
        Matcher excess = EXCESS.matcher(zone);
        if (excess.find()) {
            Optional<String> over = lastMoneyAttribute(before + zone.substring(0, excess.start()));
            Optional<BigDecimal> threshold = money(excess.group(1), excess.group(2));
            Optional<BigDecimal> r = ChineseNumbers.parse(excess.group(3));
            if (over.isPresent() && threshold.isPresent() && r.isPresent()) {
                attribute = over.get();
                formula = "(e." + attribute + " - " + decimal(threshold.get()) + ") * " + decimal(r.get().divide(BigDecimal.valueOf(100)));
            }
        } else if (range.find() && !overlaps(used, range)) {
            cap = cap != null ? cap : money(range.group(2), range.group(3)).orElse(null);
        } else if (perHead.find()) {
            attribute = headCount(clause);
            formula = perHead(perHead, attribute);
        } else if (rate.find()) {
            String base = rate.group(1) != null ? rate.group(1) : rate.group(4);
            boolean first = rate.group(2) != null;
            Optional<BigDecimal> r = ChineseNumbers.parse(first ? rate.group(2) : rate.group(5));
            String sign = first ? rate.group(3) : rate.group(6);
            if (r.isPresent()) {
                rateValue = r.get().divide(BigDecimal.valueOf("‰".equals(sign) ? 1000 : 100));
                if (base == null || base.isBlank()) {
                    // 按15%给予补助: the base is the one the clause before named
                } else {
                    attribute = moneyAttribute(base).orElse(null);
                    formula = attribute == null ? null : "e." + attribute + " * " + decimal(rateValue);
                }
            }
        } else if (!PER_UNIT.matcher(before.substring(Math.max(0, before.length() - 12)) + zone).find()) {
            List<BigDecimal> sums = sums(zone, used);
            if (zone.contains("分别") && sums.size() >= 2) {
                tiers = List.copyOf(sums);
            } else if (!sums.isEmpty()) {
                formula = ChineseNumbers.plain(sums.get(0));
            }
        }
        boolean relief = RELIEF.matcher(zone).find();
        if (formula == null && cap == null && tiers.isEmpty() && rateValue == null && !relief) {
            return Optional.empty();
        }
        return Optional.of(new Amount(formula, cap, tiers, attribute, noun(zone), rateValue));
    }

    /** What a per-head amount counts, from the whole sentence: 高校毕业生 → youth_hires; unknown heads (博士) give none. */
    private static String headCount(String clause) {
        return clause.matches("(?s).*(青年|高校毕业生|毕业生|16[-－—–~至到]24岁).*") ? "youth_hires"
                : clause.contains("参保") ? "insured_employees" : clause.matches("(?s).*(从业人员|职工|员工).*") ? "employees" : null;
    }

    private static String perHead(Matcher perHead, String attribute) {
        String number = perHead.group(1) != null ? perHead.group(1) : perHead.group(3);
        String unit = perHead.group(1) != null ? perHead.group(2) : perHead.group(4);
        Optional<BigDecimal> each = money(number, unit);
        if (each.isEmpty() || attribute == null) {
            return null;
        }
        String amount = ChineseNumbers.plain(each.get());
        return amount.contains(".") ? "double(e." + attribute + ") * " + amount : "e." + attribute + " * " + amount;
    }

    /** The sums named outside the cap's words. */
    private static List<BigDecimal> sums(String zone, List<int[]> used) {
        List<BigDecimal> sums = new ArrayList<>();
        Matcher s = SUM.matcher(zone);
        while (s.find()) {
            if (!overlaps(used, s)) {
                money(s.group(1), s.group(2)).ifPresent(sums::add);
            }
        }
        return sums;
    }

    /** Only a cap (单个企业最高不超过300万元): it belongs to the items before it. */
    boolean capOnly() {
        return formula == null && tiers.isEmpty() && rate == null && cap != null;
    }

    Amount withFormula(String newFormula, String newAttribute) {
        return new Amount(newFormula, cap, tiers, newAttribute, noun, rate);
    }

    static String decimal(BigDecimal value) {
        String plain = ChineseNumbers.plain(value);
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static Optional<String> lastMoneyAttribute(String text) {
        String last = null;
        int at = -1;
        for (Map.Entry<Pattern, String> money : MONEY_ANYWHERE) {
            Matcher m = money.getKey().matcher(text);
            while (m.find()) {
                if (m.start() > at) {
                    at = m.start();
                    last = money.getValue();
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /** The attribute a rate is a share of, if the standard holds it (研发费用 → rd_expense); 贷款利息 has none. */
    static Optional<String> moneyAttribute(String base) {
        if (base == null || base.contains("新增") || base.contains("增量")) {
            return Optional.empty();
        }
        // the base is the last noun: 出口信用保险保费 is a premium, not 出口额
        String noun = base.strip().replaceAll("(的|总额|部分|金额)+$", "");
        for (Map.Entry<Pattern, String> money : MONEY_AT_END) {
            if (money.getKey().matcher(noun).find()) {
                return Optional.of(money.getValue());
            }
        }
        return Optional.empty();
    }

    private static String noun(String zone) {
        Matcher m = NOUN.matcher(zone);
        String noun = null;
        while (m.find()) {
            String prefix = m.group(1).replaceAll(".*(给予|予以|一次性|分别|最高|万元|亿元|元|的|可|按|不超过)", "");
            noun = prefix + m.group(2);
        }
        return noun;
    }

    private static Optional<BigDecimal> money(String number, String unit) {
        return ChineseNumbers.parse(number).flatMap(n -> ChineseNumbers.yuan(unit).map(n::multiply));
    }

    private static boolean overlaps(List<int[]> spans, Matcher m) {
        return spans.stream().anyMatch(s -> m.start() < s[1] && m.end() > s[0]);
    }
}
