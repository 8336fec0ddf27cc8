package io.zhida.engine.text;

import io.zhida.engine.rule.RuleCompilationException;
import io.zhida.engine.rule.RuleCompiler;
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
 * 政策智能拆解: proposes policy items from a document's text — for each clause that pays something, its
 * conditions as a rule over the enterprise data standard, its amount formula and cap, and the sentence it
 * came from — for an author to confirm, edit or reject. Rules and dictionaries only, no outside service;
 * every proposal it gives compiles. What it cannot read it gives back as unparsed sentences.
 * Thread-safe.
 */
public final class PolicyTextExtractor {

    /** The longest text read at once (a long 实施细则 is about 30,000 characters). */
    public static final int MAX_TEXT = 200_000;

    /** A sentence longer than this is no clause anyone wrote; it is given back unread rather than searched. */
    static final int MAX_SENTENCE = 1_000;
    /** At most this many proposals per text (a long 实施细则 has about 200); the rest of the text is given back. */
    public static final int MAX_PROPOSALS = 500;

    /** One proposed item. atoms are the conditions one by one, as the rule's lines hold them. */
    public record Proposal(String name, String condition, String formula, BigDecimal cap, String source, List<Atom> atoms) {
    }

    public record Extraction(List<Proposal> items, List<String> unparsed) {
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?\\n]+");
    private static final Pattern EXCLUSION = Pattern.compile("不予(?:支持|奖励|补助|补贴|受理|兑现|享受|资助)|不得(?:享受|申报|申请)|不享受|不再(?:享受|给予)|取消[^，；。]{0,10}资格");
    private static final Pattern NEXT_SUBJECT = Pattern.compile("[，,](?=对(?:于)?[^，；。]{2,}|其中|[^，；。]{0,24}?(?:再|另外|另行|分别)?给予[^，；。]{0,8}?\\d|[^，；。]{1,24}?的(?:奖励|补助|补贴)\\d)");
    private static final Pattern BAD_RATING = Pattern.compile("([A-DM])级");

    final ConditionReader conditions;
    private final RuleCompiler compiler;

    /**
     * @param compiler      checks every proposal against the data standard before it is given
     * @param regionsByName the platform's counties and districts by name (青山县 → 519921)
     */
    public PolicyTextExtractor(RuleCompiler compiler, Map<String, String> regionsByName) {
        this.compiler = compiler;
        this.conditions = new ConditionReader(Map.copyOf(regionsByName));
    }

    public Extraction extract(String text, LocalDate today) {
        if (text == null || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text longer than " + MAX_TEXT);
        }
        List<Proposal> items = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        Map<String, Atom> documentExclusions = new LinkedHashMap<>();
        for (String raw : SENTENCE_END.split(text)) {
            String sentence = raw.strip();
            if (sentence.isEmpty()) {
                continue;
            }
            if (sentence.length() > MAX_SENTENCE || items.size() >= MAX_PROPOSALS) {
                unparsed.add(sentence.length() > MAX_SENTENCE ? sentence.substring(0, MAX_SENTENCE) + "…" : sentence);
                continue;
            }
            Exclusions exclusions = exclusions(sentence, today);
            List<Proposal> found = new SentenceReader(conditions, sentence, exclusions.atoms(), today).read(segments(exclusions.rest()));
            if (found.isEmpty() && !exclusions.atoms().isEmpty() && !Amount.START.matcher(exclusions.rest()).find()) {
                exclusions.atoms().forEach(a -> documentExclusions.putIfAbsent(a.canonical(), a));
            } else if (found.isEmpty()) {
                unparsed.add(sentence);
            }
            items.addAll(found);
        }
        List<Proposal> compiled = new ArrayList<>();
        for (Proposal p : items) {
            List<Atom> atoms = new ArrayList<>(p.atoms());
            documentExclusions.values().stream().filter(a -> atoms.stream().noneMatch(b -> b.canonical().equals(a.canonical()))).forEach(atoms::add);
            Proposal whole = proposal(p.name(), atoms, p.formula(), p.cap(), p.source());
            if (compiles(whole)) {
                compiled.add(whole);
            } else if (!unparsed.contains(p.source())) {
                unparsed.add(p.source());
            }
        }
        return new Extraction(List.copyOf(compiled), List.copyOf(unparsed));
    }

    private record Exclusions(List<Atom> atoms, String rest) {
    }

    /** "…的，不予支持": what such a part excludes, as conditions the items must meet (the opposite), and the text without it. */
    private Exclusions exclusions(String sentence, LocalDate today) {
        List<String> pieces = new ArrayList<>(List.of(sentence.split("(?<=[，,；;])")));
        List<Atom> atoms = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String piece : pieces) {
            if (!EXCLUSION.matcher(piece).find()) {
                rest.add(piece);
                continue;
            }
            // the excluded are named in the pieces before, back to the last one that pays something or ends a part
            StringBuilder words = new StringBuilder(piece);
            while (!rest.isEmpty()) {
                String before = rest.get(rest.size() - 1);
                if (before.endsWith("；") || before.endsWith(";") || Amount.START.matcher(before).find()) {
                    break;
                }
                words.insert(0, before);
                rest.remove(rest.size() - 1);
            }
            String excluded = EXCLUSION.split(words.toString())[0];
            if (excluded.contains("失信")) {
                atoms.add(Atom.fact("dishonest == false", "!e.dishonest", "未列入严重失信主体名单"));
            }
            if (excluded.contains("纳税信用")) {
                List<String> ratings = new ArrayList<>();
                Matcher m = BAD_RATING.matcher(excluded);
                while (m.find()) {
                    ratings.add(m.group(1));
                }
                if (!ratings.isEmpty()) {
                    List<String> bad = ratings.stream().distinct().sorted().toList();
                    atoms.add(Atom.oneOf("tax_credit_rating", bad, true, "纳税信用等级不是" + String.join("、", bad.stream().map(r -> r + "级").toList())));
                }
            }
            boolean layoffThreshold = false;
            for (Atom a : conditions.read(excluded.replaceAll("纳税信用[^，；。]{0,12}", ""), today)) {
                Matcher m = Atom.COMPARISON.matcher(a.canonical());
                if (m.matches()) {
                    layoffThreshold |= m.group(1).equals("layoffs");
                    String op = switch (m.group(2)) {
                        case ">=" -> "<";
                        case ">" -> "<=";
                        case "<=" -> ">";
                        default -> ">=";
                    };
                    atoms.add(Atom.compare(m.group(1), op, m.group(3), Wording.of(m.group(1), op, m.group(3))));
                }
            }
            if (excluded.contains("裁员") && !layoffThreshold) {
                atoms.add(Atom.fact("layoffs == 0", "e.layoffs == 0", "上年度未裁员"));
            }
        }
        return new Exclusions(List.copyOf(atoms), String.join("", rest));
    }

    /** A sentence's parts that may each be an item: split at ；, and at "，对…" once the part before pays something. */
    private static List<String> segments(String sentence) {
        List<String> segments = new ArrayList<>();
        for (String part : sentence.split("[；;]")) {
            int from = 0;
            Matcher m = NEXT_SUBJECT.matcher(part);
            while (m.find()) {
                String left = part.substring(from, m.start());
                if (Amount.START.matcher(left).find() && Amount.read(left.substring(start(left)), left, "").filter(a -> !a.capOnly()).isPresent()) {
                    segments.add(left);
                    from = m.end();
                }
            }
            segments.add(part.substring(from));
        }
        return segments.stream().filter(s -> !s.isBlank()).toList();
    }

    static int start(String segment) {
        Matcher m = Amount.START.matcher(segment);
        return m.find() ? m.start() : -1;
    }

    static Proposal proposal(String name, List<Atom> atoms, String formula, BigDecimal cap, String source) {
        StringBuilder condition = new StringBuilder();
        for (Atom a : atoms) {
            String words = a.words().replaceAll("[\\r\\n]", " ").replaceAll("^\\s*(第[一二三四五六七八九十百]+条|[（(]?[一二三四五六七八九十\\d]{1,3}[)）、.．])\\s*", "");
            condition.append(condition.isEmpty() ? "" : "\n&& ").append(a.cel()).append(" // ").append(words);
        }
        return new Proposal(name, condition.isEmpty() ? "true" : condition.toString(), formula, cap, source, List.copyOf(atoms));
    }

    private boolean compiles(Proposal p) {
        try {
            compiler.condition(p.condition());
            if (p.formula() != null) {
                compiler.formula(p.formula());
            }
            return true;
        } catch (RuleCompilationException e) {
            return false;
        }
    }
}
