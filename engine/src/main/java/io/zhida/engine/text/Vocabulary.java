package io.zhida.engine.text;

import io.zhida.engine.standard.IndustryCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words policies use for qualifications, size classes and industries, mapped onto the data standard's values. */
final class Vocabulary {

    /** Words found in a text and the values they stand for. */
    record Found(int start, int end, String words, List<String> values) {
    }

    private static final String Q = "[\"“”'‘’「」『』]?";
    /** A trade between a size class and 企业: 小微外贸企业, 中小工业企业. */
    private static final String TRADE = "[\\u4e00-\\u9fa5&&[^的和及或、]]{0,4}?";

    /** Qualification words, most specific first; a value {@code industry:B,C,D} adds an industry condition. */
    private static final List<Map.Entry<Pattern, List<String>>> QUALIFICATIONS = List.of(
            Map.entry(Pattern.compile("(?:国家级)?专精特新" + Q + "小巨人" + Q + "(?:企业)?|国家级专精特新(?:中小)?企业"), List.of("专精特新\"小巨人\"企业")),
            Map.entry(Pattern.compile("(?:省级|市级)?专精特新(?:中小)?企业"), List.of("专精特新中小企业")),
            Map.entry(Pattern.compile("科技型中小企业"), List.of("科技型中小企业")),
            Map.entry(Pattern.compile("创新型中小企业"), List.of("创新型中小企业")),
            Map.entry(Pattern.compile("高新技术企业|高企"), List.of("高新技术企业")),
            Map.entry(Pattern.compile("规模以上工业企业|规上工业企业"), List.of("规上企业", "industry:B,C,D")),
            Map.entry(Pattern.compile("新升规|升规纳统|规模以上[^，；。、的]{0,12}?企业|规上[^，；。、的]{0,12}?企业|规上"), List.of("规上企业")));

    private static final List<Map.Entry<Pattern, List<String>>> SCALES = List.of(
            Map.entry(Pattern.compile("大中型企业"), List.of("大型", "中型")),
            Map.entry(Pattern.compile("中小微(?:型)?" + TRADE + "企业|中小(?:型)?" + TRADE + "企业"), List.of("中型", "小型", "微型")),
            Map.entry(Pattern.compile("小微(?:型)?" + TRADE + "企业|小型微型企业|小型、微型企业"), List.of("小型", "微型")),
            Map.entry(Pattern.compile("大型" + TRADE + "企业"), List.of("大型")),
            Map.entry(Pattern.compile("中型" + TRADE + "企业"), List.of("中型")),
            Map.entry(Pattern.compile("小型" + TRADE + "企业"), List.of("小型")),
            Map.entry(Pattern.compile("微型" + TRADE + "企业"), List.of("微型")));

    /** Everyday names for industries beside the standard's own section and division names. */
    private static final Map<String, List<String>> INDUSTRY_SYNONYMS = Map.ofEntries(
            Map.entry("工业", List.of("B", "C", "D")),
            Map.entry("软件企业", List.of("I65")),
            Map.entry("软件和信息服务业", List.of("I65")),
            Map.entry("科技服务业", List.of("M")),
            Map.entry("科技服务", List.of("M")),
            Map.entry("批发零售业", List.of("F")),
            Map.entry("批发零售", List.of("F")),
            Map.entry("住宿餐饮业", List.of("H")),
            Map.entry("住宿餐饮", List.of("H")),
            Map.entry("交通运输业", List.of("G")),
            Map.entry("物流业", List.of("G")),
            Map.entry("农林牧渔业", List.of("A")),
            Map.entry("文化体育和娱乐业", List.of("R")),
            Map.entry("文化产业", List.of("R")),
            Map.entry("医药企业", List.of("C27")),
            Map.entry("信息技术服务业", List.of("I65")));

    private static final List<Map.Entry<Pattern, List<String>>> INDUSTRIES;

    static {
        Map<String, List<String>> names = new LinkedHashMap<>();
        // public administration and international bodies are no one's industry in a policy; two-character
        // division names (卫生, 体育) are too often other words
        IndustryCode.codesByName().forEach((name, code) -> {
            if (!code.startsWith("S") && !code.startsWith("T") && (name.length() > 2 || List.of("农业", "林业", "渔业", "教育").contains(name))) {
                names.put(name, List.of(code));
                // 零售业 → 零售企业, 互联网和相关服务 → 互联网和相关服务企业
                String firm = (name.endsWith("业") ? name.substring(0, name.length() - 1) : name) + "企业";
                if (firm.length() > 3) {
                    names.putIfAbsent(firm, List.of(code));
                }
            }
        });
        names.putAll(INDUSTRY_SYNONYMS);
        List<Map.Entry<Pattern, List<String>>> patterns = new ArrayList<>();
        names.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getKey().length()).reversed())
                .forEach(e -> patterns.add(Map.entry(Pattern.compile(Pattern.quote(e.getKey())), e.getValue())));
        INDUSTRIES = List.copyOf(patterns);
    }

    private Vocabulary() {
    }

    static List<Map.Entry<Pattern, List<String>>> industryPatterns() {
        return INDUSTRIES;
    }

    /** The qualifications named, in text order, none overlapping. */
    static List<Found> qualifications(String text) {
        return nonOverlapping(text, QUALIFICATIONS);
    }

    /** The size classes named: every class any phrase names, in the standard's order. */
    static Optional<Found> scale(String text) {
        List<Found> found = nonOverlapping(text, SCALES);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = List.of("大型", "中型", "小型", "微型").stream()
                .filter(v -> found.stream().anyMatch(f -> f.values().contains(v))).toList();
        return Optional.of(new Found(found.get(0).start(), found.get(found.size() - 1).end(),
                String.join("、", found.stream().map(Found::words).toList()), values));
    }

    private static List<Found> nonOverlapping(String text, List<Map.Entry<Pattern, List<String>>> vocabulary) {
        List<Found> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (Map.Entry<Pattern, List<String>> entry : vocabulary) {
            Matcher m = entry.getKey().matcher(text);
            while (m.find()) {
                boolean free = true;
                for (int i = m.start(); i < m.end(); i++) {
                    free &= !taken[i];
                }
                if (free && m.end() > m.start()) {
                    for (int i = m.start(); i < m.end(); i++) {
                        taken[i] = true;
                    }
                    found.add(new Found(m.start(), m.end(), m.group(), entry.getValue()));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }
}
