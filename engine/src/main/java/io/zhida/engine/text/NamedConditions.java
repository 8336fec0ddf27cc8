package io.zhida.engine.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conditions policies name rather than measure: founding age, hiring and layoffs, qualifications, size classes,
 * industries and regions in words.
 */
final class NamedConditions {

    private static final Pattern HIRES = Pattern.compile("(?:招用|吸纳|招收|录用|新招)[^，；。\\d]{0,14}?(?:高校毕业生|青年)");
    private static final Pattern NO_LAYOFFS = Pattern.compile("(?:未|不|没有)裁员(?!或少裁员)");
    private static final Pattern FOUNDED_SINCE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日(（含）|\\(含\\))?(?:以后|之后|后|起)[^，；。]{0,6}?(?:新设立|设立|成立|注册|落户)");
    private static final Pattern FOUNDED_THIS_YEAR = Pattern.compile("当年(?:新)?(?:设立|成立|注册)");
    private static final Pattern NOT_INDUSTRY = Pattern.compile("工业和信息化|工业互联网|工业设计|工业旅游|工业园区|工业遗产");
    private static final Pattern FOUNDED = Pattern.compile("(?:注册成立|成立|设立|注册)(?:时间)?(?:在)?(未满|不满|不足|不到|届满|满|超过)?" + "(" + ChineseNumbers.NUMBER + ")"
            + "(个月|年)(以上|及以上|以内|以下|内|（含）)?");

    private NamedConditions() {
    }

    /** 招用高校毕业生 → youth_hires > 0 (unless a number says more); 上年度未裁员 → layoffs == 0. */
    static void hiresAndLayoffs(String text, Map<String, Atom> atoms) {
        Matcher hires = HIRES.matcher(text);
        if (hires.find() && atoms.keySet().stream().noneMatch(k -> k.startsWith("youth_hires "))) {
            put(atoms, Atom.compare("youth_hires", ">", "0", hires.group()));
        }
        Matcher noLayoffs = NO_LAYOFFS.matcher(text);
        if (noLayoffs.find() && atoms.keySet().stream().noneMatch(k -> k.startsWith("layoffs "))) {
            put(atoms, Atom.fact("layoffs == 0", "e.layoffs == 0", noLayoffs.group()));
        }
    }

    static void founded(String text, LocalDate today, Map<String, Atom> atoms) {
        Matcher since = FOUNDED_SINCE.matcher(text);
        if (since.find()) {
            try {
                LocalDate day = LocalDate.of(Integer.parseInt(since.group(1)), Integer.parseInt(since.group(2)), Integer.parseInt(since.group(3)));
                boolean inclusive = since.group(4) != null || since.group().contains("起");
                put(atoms, Atom.compare("founded", inclusive ? ">=" : ">", day.toString(), since.group()));
            } catch (java.time.DateTimeException e) {
                // not a date: leave it to the author
            }
        } else if (FOUNDED_THIS_YEAR.matcher(text).find()) {
            put(atoms, Atom.compare("founded", ">=", today.withDayOfYear(1).toString(), "当年新设立"));
        }
        Matcher m = FOUNDED.matcher(text);
        while (m.find()) {
            Optional<BigDecimal> n = ChineseNumbers.parse(m.group(2));
            if (n.isEmpty() || n.get().scale() > 0 || n.get().intValue() > 100) {
                continue;
            }
            int count = n.get().intValue();
            LocalDate boundary = m.group(3).equals("年") ? today.minusYears(count) : today.minusMonths(count);
            String prefix = m.group(1) == null ? "" : m.group(1);
            String suffix = m.group(4) == null ? "" : m.group(4);
            String op = switch (prefix) {
                case "未满", "不满", "不足", "不到" -> ">";
                case "超过" -> "<";
                case "满", "届满" -> suffix.contains("内") ? ">=" : "<=";
                default -> suffix.contains("上") || suffix.equals("（含）") ? "<=" : suffix.contains("内") || suffix.contains("下") ? ">=" : null;
            };
            if (op != null) {
                // the boundary is fixed on the day the text was read: the words say so, for the author to renew
                put(atoms, Atom.compare("founded", op, boundary.toString(), m.group() + "（按 " + today + " 计）"));
            }
        }
    }

    /** Adds the qualifications named and gives back the text with them blanked, so 科技型中小企业 is not also read as a size class. */
    static String qualifications(String text, Map<String, Atom> atoms) {
        List<Vocabulary.Found> found = Vocabulary.qualifications(text);
        StringBuilder blanked = new StringBuilder(text);
        List<String> group = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        int lastEnd = -1;
        for (Vocabulary.Found f : found) {
            for (int i = f.start(); i < f.end(); i++) {
                blanked.setCharAt(i, '　');
            }
            String between = lastEnd >= 0 ? text.substring(lastEnd, f.start()) : "";
            boolean joined = lastEnd >= 0 && (between.matches("、|或|或者|及|以及|/|或被认定为|或认定为")
                    || between.equals("和") && !text.substring(0, f.start()).contains("同时"));
            if (!joined && !group.isEmpty()) {
                put(atoms, Atom.anyQualification(group, words.toString()));
                group = new ArrayList<>();
                words.setLength(0);
            }
            f.values().forEach(v -> {
                if (v.startsWith("industry:")) {
                    put(atoms, Atom.industries(List.of(v.substring(9).split(",")), f.words()));
                }
            });
            for (String v : f.values()) {
                if (!v.startsWith("industry:") && !group.contains(v)) {
                    group.add(v);
                }
            }
            words.append(words.isEmpty() ? "" : "、").append(f.words());
            lastEnd = f.end();
        }
        if (!group.isEmpty()) {
            put(atoms, Atom.anyQualification(group, words.toString()));
        }
        return blanked.toString();
    }

    static void scale(String text, Map<String, Atom> atoms) {
        Vocabulary.scale(text).ifPresent(found -> put(atoms, Atom.oneOf("scale", found.values(), false, found.words())));
    }

    static void industries(String text, List<Map.Entry<Pattern, List<String>>> industries, Map<String, Atom> atoms) {
        String cleaned = NOT_INDUSTRY.matcher(text).replaceAll(m -> "　".repeat(m.group().length()));
        List<String> codes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        boolean[] taken = new boolean[cleaned.length()];
        for (Map.Entry<Pattern, List<String>> entry : industries) {
            Matcher m = entry.getKey().matcher(cleaned);
            while (m.find()) {
                boolean free = true;
                for (int i = m.start(); i < m.end(); i++) {
                    free &= !taken[i];
                }
                if (free) {
                    for (int i = m.start(); i < m.end(); i++) {
                        taken[i] = true;
                    }
                    codes.addAll(entry.getValue());
                    words.add(m.group());
                }
            }
        }
        if (!codes.isEmpty()) {
            put(atoms, Atom.industries(codes, String.join("、", words)));
        }
    }

    static void regions(String text, Map<String, String> regionsByName, Map<String, Atom> atoms) {
        List<String> codes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        regionsByName.entrySet().stream()
                .sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .forEach(e -> {
                    if (text.contains(e.getKey()) && words.stream().noneMatch(w -> w.contains(e.getKey()))) {
                        codes.add(e.getValue());
                        words.add(e.getKey());
                    }
                });
        if (!codes.isEmpty()) {
            put(atoms, Atom.regions(codes, String.join("、", words)));
        }
    }

    private static void put(Map<String, Atom> atoms, Atom atom) {
        ConditionReader.put(atoms, atom);
    }
}
