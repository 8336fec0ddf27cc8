package io.zhida.engine.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the conditions of one policy clause: thresholds with their units and the legal convention for
 * boundaries (民法典 第1259条: 以上、以下、以内、届满 include the number; 不满、超过、以外 exclude it),
 * founding age, industries and regions named in words, qualifications, size classes and the tax credit rating.
 */
final class ConditionReader {

    enum Measure { MONEY, COUNT, RATIO }

    /** An attribute as policies name it; the longest names come first so that 研发费用占营业收入比例 beats 研发费用. */
    record Named(String words, String attribute, Measure measure) {
    }

    private static final String REVENUE = "(?:营业收入|主营业务收入|销售收入|营收|营业额|销售额)";
    private static final String HIRING = "(?:新)?(?:招用|吸纳|招收|录用|新招)[^，；。\\d]{0,14}?(?:高校毕业生|青年)(?:就业)?(?:人数)?";

    static final List<Named> ATTRIBUTES = List.of(
            new Named("研发(?:费用|投入|经费)(?:投入)?占(?:当年|上年度?|同期)?(?:营业收入|主营业务收入|销售收入|营收)(?:总额)?的?比(?:例|重)|研发(?:投入|经费投入|费用)强度|研发(?:费用|投入)占比", "rd_ratio", Measure.RATIO),
            new Named(REVENUE + "(?:同比|较上年)?(?:增长率|增速|增幅|增长)", "revenue_growth", Measure.RATIO),
            new Named("研发(?:费用|投入|经费)(?:支出|投入|总额)?", "rd_expense", Measure.MONEY),
            new Named(REVENUE + "(?:总额)?", "revenue", Measure.MONEY),
            new Named("纳税总?额|缴纳税收|税收贡献|实缴税金|实缴税收|纳税", "tax_paid", Measure.MONEY),
            new Named("出口(?:总?额)?", "export_value", Measure.MONEY),
            new Named("参保(?:职工|员工)?(?:人数)?|(?:参加|缴纳)社会保险的?(?:职工|员工)?(?:人数)?", "insured_employees", Measure.COUNT),
            new Named("从业人员(?:数|人数)?|(?:职工|员工|用工)(?:总)?人数|(?:职工|员工)", "employees", Measure.COUNT),
            new Named("(?:实缴)?注册资本(?:金)?", "registered_capital", Measure.MONEY),
            new Named("资产总额|总资产", "total_assets", Measure.MONEY),
            new Named("裁员(?:人数)?", "layoffs", Measure.COUNT),
            new Named(HIRING, "youth_hires", Measure.COUNT));

    /** The word a bare continuation (…；达到5亿元的，…) is read with: the attribute the clause before tested. */
    static String wordFor(String attribute) {
        return switch (attribute) {
            case "rd_ratio" -> "研发费用占营业收入比例";
            case "revenue_growth" -> "营业收入增长";
            case "rd_expense" -> "研发费用";
            case "revenue" -> "营业收入";
            case "tax_paid" -> "纳税额";
            case "export_value" -> "出口额";
            case "insured_employees" -> "参保职工人数";
            case "employees" -> "从业人员";
            case "registered_capital" -> "注册资本";
            case "total_assets" -> "资产总额";
            case "layoffs" -> "裁员人数";
            case "youth_hires" -> "招用高校毕业生";
            default -> "";
        };
    }

    private static final String NUM = "(" + ChineseNumbers.NUMBER + ")";
    private static final String UNIT = "\\s*(亿元|万元|元|亿|万|人|名|%|％|‰|个百分点)?";
    private static final String PREFIX_WORDS = "(不低于|不少于|不超过|不高于|不足|不满|未满|不到|超过|高于|大于|多于|低于|少于|小于|达到|达|突破|满|在|为)?";
    private static final String PREFIX = PREFIX_WORDS;
    private static final String MARK = "(?:（含[^）]{0,12}）|\\(含[^)]{0,12}\\)|（不含[^）]{0,12}）|\\(不含[^)]{0,12}\\))";
    private static final String SUFFIX = "(" + MARK + "?(?:及以上|以上|及以下|以下|以内|之内)?" + MARK + "?)";
    private static final String GAP = "[^，；。,;:：\\d零一二两三四五六七八九十百千]{0,10}?";

    private static final Pattern TAIL = Pattern.compile("^" + SUFFIX);
    private static final Pattern THRESHOLD;
    private static final Pattern RANGE;
    private static final Pattern LIST_MORE = Pattern.compile("^(?:以上|及以上)?(?:、|，|和|及|或)\\s*" + NUM + UNIT);
    private static final Pattern CONTINUED = Pattern.compile("^(?:、|，|且|但)?\\s*" + PREFIX_WORDS + NUM + UNIT + SUFFIX);
    private static final Pattern TAX_RATING = Pattern.compile("纳税信用(?:等级|级别|评价)?(?:为|是|达到|在|评定为|评价为)?([ABM])级?(及以上|以上)?");

    static {
        StringBuilder names = new StringBuilder();
        for (Named n : ATTRIBUTES) {
            names.append(names.isEmpty() ? "" : "|").append("(").append(n.words()).append(")");
        }
        THRESHOLD = Pattern.compile("(?:" + names + ")" + GAP + PREFIX + NUM + UNIT + SUFFIX);
        RANGE = Pattern.compile("(?:" + names + ")" + GAP + "(?:在)?" + NUM + UNIT + "(" + MARK + ")?\\s*(?:至|到|-|－|~|～)\\s*" + NUM + UNIT
                + "(" + MARK + ")?(?:之间)?");
    }

    private final Map<String, String> regionsByName;
    private final List<Map.Entry<Pattern, List<String>>> industries;

    ConditionReader(Map<String, String> regionsByName) {
        this.regionsByName = regionsByName;
        this.industries = Vocabulary.industryPatterns();
    }

    /** The conditions the words state, each once. */
    List<Atom> read(String text, LocalDate today) {
        Map<String, Atom> atoms = new LinkedHashMap<>();
        StringBuilder rest = new StringBuilder(text);
        ranges(rest, atoms);
        thresholds(rest.toString(), atoms);
        NamedConditions.hiresAndLayoffs(text, atoms);
        NamedConditions.founded(text, today, atoms);
        String unqualified = NamedConditions.qualifications(text, atoms);
        NamedConditions.scale(unqualified, atoms);
        NamedConditions.industries(text, industries, atoms);
        NamedConditions.regions(text, regionsByName, atoms);
        Matcher tax = TAX_RATING.matcher(text);
        if (tax.find() && !text.substring(tax.start()).matches("(?s).{0,20}(不予|不得|取消).*")) {
            List<String> ratings = switch (tax.group(1) + (tax.group(2) == null ? "" : "+")) {
                case "A", "A+" -> List.of("A");
                case "B+" -> List.of("A", "B");
                case "M+" -> List.of("A", "B", "M");
                default -> List.of(tax.group(1));
            };
            put(atoms, Atom.oneOf("tax_credit_rating", ratings, false, tax.group()));
        }
        return List.copyOf(atoms.values());
    }

    /** Thresholds as {@code [attribute, op, value]} with their position, for tiers: 突破1亿元、5亿元、10亿元. */
    record Threshold(String attribute, String op, List<BigDecimal> values, String words, int end) {
    }

    static List<Threshold> thresholdList(String text) {
        List<Threshold> found = new ArrayList<>();
        Matcher m = THRESHOLD.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            Optional<Threshold> t = threshold(m, text);
            if (t.isEmpty()) {
                from = m.start() + 1;
                continue;
            }
            found.add(t.get());
            from = t.get().end();
            // 100万元以上500万元以下, 1亿元以上不满5亿元: a second bound on the same attribute
            Matcher more = CONTINUED.matcher(text.substring(from));
            if (more.find()) {
                Named named = named(m);
                String op = op(more.group(1), more.group(4));
                Optional<BigDecimal> v = value(named, more.group(2), more.group(3));
                if (op != null && v.isPresent() && op.charAt(0) != t.get().op().charAt(0)) {
                    found.add(new Threshold(named.attribute(), op, List.of(v.get()), more.group(), from + more.end()));
                    from += more.end();
                }
            }
        }
        return found;
    }

    private static void ranges(StringBuilder text, Map<String, Atom> atoms) {
        Matcher m = RANGE.matcher(text.toString());
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            Named named = named(m);
            int g = ATTRIBUTES.size() + 1;
            Optional<BigDecimal> low = value(named, m.group(g), m.group(g + 1) == null ? m.group(g + 4) : m.group(g + 1));
            Optional<BigDecimal> high = value(named, m.group(g + 3), m.group(g + 4));
            if (low.isPresent() && high.isPresent()) {
                boolean lowOpen = m.group(g + 2) != null && m.group(g + 2).contains("不含");
                boolean highOpen = m.group(g + 5) != null && m.group(g + 5).contains("不含");
                put(atoms, Atom.compare(named.attribute(), lowOpen ? ">" : ">=", ChineseNumbers.plain(low.get()), m.group()));
                put(atoms, Atom.compare(named.attribute(), highOpen ? "<" : "<=", ChineseNumbers.plain(high.get()), m.group()));
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        for (int i = spans.size() - 1; i >= 0; i--) {
            text.replace(spans.get(i)[0], spans.get(i)[1], "　".repeat(spans.get(i)[1] - spans.get(i)[0]));
        }
    }

    private static void thresholds(String text, Map<String, Atom> atoms) {
        for (Threshold t : thresholdList(text)) {
            String value = ChineseNumbers.plain(t.values().get(0));
            put(atoms, Atom.compare(t.attribute(), t.op(), value, t.words()));
            if (t.attribute().equals("revenue") && t.values().size() == 1 && t.op().startsWith(">") && t.words().contains("首次")) {
                // 首次突破: reached last year, not the year before
                put(atoms, Atom.compare("revenue_prev", "<", value, "前年营业收入未达到" + Wording.of("revenue", "<", value).replace("上年营业收入低于", "")));
            }
        }
    }

    private static Optional<Threshold> threshold(Matcher m, String text) {
        Named named = named(m);
        int g = ATTRIBUTES.size() + 1;
        String prefix = m.group(g);
        String number = m.group(g + 1);
        String unit = m.group(g + 2);
        String suffix = m.group(g + 3);
        List<BigDecimal> values = new ArrayList<>();
        value(named, number, unit).ifPresent(values::add);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        int end = m.end();
        // a list of thresholds for tiers: 1亿元、5亿元、10亿元以上
        if (suffix == null || suffix.isEmpty() || suffix.equals("以上") || suffix.equals("及以上")) {
            String first = suffix;
            Matcher more = LIST_MORE.matcher(text.substring(end));
            while (more.find()) {
                Optional<BigDecimal> v = value(named, more.group(1), more.group(2) == null ? unit : more.group(2));
                if (v.isEmpty()) {
                    break;
                }
                values.add(v.get());
                end += more.end();
                more = LIST_MORE.matcher(text.substring(end));
            }
            Matcher tail = TAIL.matcher(text.substring(end));
            boolean tailed = values.size() > 1 && tail.find() && tail.group(1) != null && !tail.group(1).isEmpty();
            boolean sameWay = !tailed || first == null || first.isEmpty() || !(tail.group(1).contains("下") || tail.group(1).contains("内"));
            if (tailed && sameWay) {
                suffix = tail.group(1);
                end += tail.end();
            } else if (!sameWay) {
                // 500万元以上、2000万元以下 is a range, read by the continuation
                values = new ArrayList<>(values.subList(0, 1));
                end = m.end();
                suffix = first;
            } else {
                suffix = first;
            }
        }
        String op = op(prefix, suffix);
        if (op == null) {
            return Optional.empty();
        }
        return Optional.of(new Threshold(named.attribute(), op, values, text.substring(m.start(), end), end));
    }

    /** The comparison the words mean; null when they say none (营业收入1亿元的 — not a threshold). */
    private static String op(String prefix, String suffix) {
        String p = prefix == null ? "" : prefix;
        String s = suffix == null ? "" : suffix;
        boolean below = p.matches("低于|少于|小于|不足|不满|未满|不到|不超过|不高于") || s.contains("下") || s.contains("内");
        if (s.contains("不含")) {
            return below ? "<" : ">";
        }
        if (s.contains("含")) {
            return below ? "<=" : ">=";
        }
        return switch (p) {
            case "超过", "高于", "大于", "多于" -> ">";
            case "不超过", "不高于" -> "<=";
            case "低于", "少于", "小于", "不足", "不满", "未满", "不到" -> "<";
            case "不低于", "不少于", "达到", "达", "突破", "满", "届满" -> s.contains("下") || s.contains("内") ? "<=" : ">=";
            default -> s.contains("上") ? ">=" : s.contains("下") || s.contains("内") ? "<=" : null;
        };
    }

    private static Named named(Matcher m) {
        for (int i = 0; i < ATTRIBUTES.size(); i++) {
            if (m.group(i + 1) != null) {
                return ATTRIBUTES.get(i);
            }
        }
        throw new IllegalStateException("no attribute group matched");
    }

    /** The value in the attribute's own unit (yuan, persons, a fraction), or empty when the unit does not fit it. */
    private static Optional<BigDecimal> value(Named named, String number, String unit) {
        Optional<BigDecimal> n = ChineseNumbers.parse(number);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        String u = unit == null ? "" : unit;
        return switch (named.measure()) {
            case MONEY -> ChineseNumbers.yuan(u).map(f -> n.get().multiply(f));
            case COUNT -> u.isEmpty() || u.equals("人") || u.equals("名") ? n : Optional.empty();
            case RATIO -> u.equals("%") || u.equals("％") || u.equals("个百分点") ? Optional.of(n.get().divide(BigDecimal.valueOf(100)))
                    : u.equals("‰") ? Optional.of(n.get().divide(BigDecimal.valueOf(1000))) : Optional.empty();
        };
    }

    static void put(Map<String, Atom> atoms, Atom atom) {
        atoms.putIfAbsent(atom.canonical(), atom);
    }
}
