package io.zhida.engine.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one sentence's parts into items. A part that only names a cap caps the items before it; a part that only
 * moves a threshold of the item before it (…达到1000万元的按5%；达到5000万元的按3%) is a further step of that item,
 * paid by a tiered formula; a part naming no one is for those the part before named.
 */
final class SentenceReader {

    private static final Pattern CATEGORY_LIST = Pattern.compile(
            "([\\u4e00-\\u9fa5&&[^的对、和及或]]{2,8})((?:(?:、|和|及|或)[\\u4e00-\\u9fa5&&[^的对、和及或]]{2,8})+)");
    private static final Pattern ADDITIVE = Pattern.compile("^\\s*其中|另外给予|另行给予|再给予");

    /** One step of a tiered item: from this lower bound (none for the lowest step) it pays this formula. */
    private record Step(String op, BigDecimal from, String formula, String words) {
    }

    /** An item being read: its conditions, and when it has steps, the attribute they climb. */
    private static final class Draft {
        String name;
        List<Atom> atoms;
        String formula;
        BigDecimal cap;
        String amountAttribute;
        String ladder;
        List<Step> steps = new ArrayList<>();

        Draft(String name, List<Atom> atoms, String formula, BigDecimal cap, String amountAttribute) {
            this.name = name;
            this.atoms = new ArrayList<>(atoms);
            this.formula = formula;
            this.cap = cap;
            this.amountAttribute = amountAttribute;
        }
    }

    private final ConditionReader conditions;
    private final String sentence;
    private final List<Atom> exclusions;
    private final LocalDate today;
    private final List<Draft> drafts = new ArrayList<>();

    SentenceReader(ConditionReader conditions, String sentence, List<Atom> exclusions, LocalDate today) {
        this.conditions = conditions;
        this.sentence = sentence;
        this.exclusions = exclusions;
        this.today = today;
    }

    List<PolicyTextExtractor.Proposal> read(List<String> segments) {
        for (String segment : segments) {
            part(segment);
        }
        List<PolicyTextExtractor.Proposal> proposals = new ArrayList<>();
        for (Draft d : drafts) {
            List<Atom> atoms = new ArrayList<>(d.atoms);
            String formula = d.formula;
            if (d.ladder != null) {
                List<Step> steps = new ArrayList<>(d.steps);
                steps.sort(Comparator.comparing(Step::from, Comparator.nullsFirst(Comparator.naturalOrder())));
                formula = steps.get(0).formula();
                for (int i = 1; i < steps.size(); i++) {
                    Step s = steps.get(i);
                    formula = "e." + d.ladder + " " + s.op() + " " + ChineseNumbers.plain(s.from()) + " ? " + s.formula() + " : (" + formula + ")";
                }
                Step lowest = steps.get(0);
                if (lowest.from() != null) {
                    atoms.add(Atom.compare(d.ladder, lowest.op(), ChineseNumbers.plain(lowest.from()), lowest.words()));
                }
            }
            exclusions.stream().filter(a -> atoms.stream().noneMatch(b -> b.canonical().equals(a.canonical()))).forEach(atoms::add);
            proposals.add(PolicyTextExtractor.proposal(d.name, atoms, formula, d.cap, sentence));
        }
        return proposals;
    }

    private void part(String segment) {
        int start = PolicyTextExtractor.start(segment);
        if (start < 0) {
            return;
        }
        String zone = segment.substring(0, start);
        Optional<Amount> read = Amount.read(segment.substring(start), sentence, zone);
        if (read.isEmpty()) {
            return;
        }
        Amount amount = read.get();
        Draft last = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
        List<Atom> own = new ArrayList<>(conditions.read(zone, today));
        String previous = last == null ? null : lastNumericAttribute(last);
        if (previous != null && own.stream().noneMatch(a -> Atom.COMPARISON.matcher(a.canonical()).matches())) {
            // 达到5亿元的，… : the threshold of the clause before, moved
            for (Atom a : conditions.read(ConditionReader.wordFor(previous) + zone, today)) {
                if (a.canonical().startsWith(previous + " ")) {
                    own.add(a);
                }
            }
        }
        if (amount.capOnly() && own.isEmpty() && last != null) {
            for (Draft d : drafts) {
                d.cap = d.cap == null ? amount.cap() : d.cap;
            }
            return;
        }
        if (last != null && amount.formula() == null && amount.rate() != null && last.amountAttribute != null) {
            amount = amount.withFormula("e." + last.amountAttribute + " * " + Amount.decimal(amount.rate()), last.amountAttribute);
        }
        if (last != null && climbs(last, own, amount)) {
            return;
        }
        if ("youth_hires".equals(amount.attribute()) && own.stream().noneMatch(a -> a.canonical().startsWith("youth_hires "))) {
            own.add(Atom.compare("youth_hires", ">", "0", "招用高校毕业生、青年"));
        }
        List<Atom> atoms = new ArrayList<>(own);
        if (last != null && (own.isEmpty() || ADDITIVE.matcher(segment).find())) {
            List<Atom> carried = new ArrayList<>(last.atoms);
            atoms.stream().filter(a -> carried.stream().noneMatch(b -> b.canonical().equals(a.canonical()))).forEach(carried::add);
            atoms = carried;
        }
        String name = name(atoms, amount);
        if (amount.tiers().isEmpty()) {
            drafts.add(new Draft(name, atoms, amount.formula(), amount.cap(), amount.attribute()));
        } else {
            tiers(zone, name, atoms, amount);
        }
    }

    /** 分别给予: one item with a step formula when the thresholds are listed as often as the sums, else one per category. */
    private void tiers(String zone, String name, List<Atom> atoms, Amount amount) {
        int tierCount = amount.tiers().size();
        Optional<ConditionReader.Threshold> ladder = ConditionReader.thresholdList(zone).stream()
                .filter(t -> t.values().size() == tierCount).findFirst();
        if (ladder.isPresent()) {
            ConditionReader.Threshold t = ladder.get();
            String lowestAtom = t.attribute() + " " + t.op() + " " + ChineseNumbers.plain(t.values().get(0));
            List<Atom> rest = atoms.stream().filter(a -> !a.canonical().equals(lowestAtom)).toList();
            Draft d = new Draft(name, rest, null, amount.cap(), null);
            d.ladder = t.attribute();
            for (int i = 0; i < t.values().size(); i++) {
                d.steps.add(new Step(t.op(), t.values().get(i), ChineseNumbers.plain(amount.tiers().get(i)), t.words()));
            }
            drafts.add(d);
            return;
        }
        List<String> categories = categories(zone, amount.tiers().size());
        for (int i = 0; i < amount.tiers().size(); i++) {
            String label = categories.isEmpty() ? "第" + (i + 1) + "档" : categories.get(i);
            drafts.add(new Draft(name + "（" + label + "）", atoms, ChineseNumbers.plain(amount.tiers().get(i)), amount.cap(), null));
        }
    }

    /** Whether the part is a further step of the item before: its only conditions bound that item's threshold attribute. */
    private boolean climbs(Draft last, List<Atom> own, Amount amount) {
        if (own.isEmpty() || amount.formula() == null || !amount.tiers().isEmpty() || (last.ladder == null && last.formula == null)) {
            return false;
        }
        String attribute = null;
        for (Atom a : own) {
            Matcher m = Atom.COMPARISON.matcher(a.canonical());
            if (!m.matches() || attribute != null && !attribute.equals(m.group(1))) {
                return false;
            }
            attribute = m.group(1);
        }
        String climbing = attribute;
        if (last.ladder == null) {
            List<Atom> bounds = last.atoms.stream().filter(a -> a.canonical().startsWith(climbing + " ")).toList();
            if (bounds.isEmpty()) {
                return false;
            }
            last.ladder = climbing;
            last.steps.add(step(bounds, last.formula));
            last.atoms.removeAll(bounds);
        } else if (!last.ladder.equals(climbing)) {
            return false;
        }
        last.steps.add(step(own, amount.formula()));
        if (last.cap == null) {
            last.cap = amount.cap();
        }
        return true;
    }

    private static Step step(List<Atom> bounds, String formula) {
        for (Atom a : bounds) {
            Matcher m = Atom.COMPARISON.matcher(a.canonical());
            if (m.matches() && m.group(2).startsWith(">")) {
                return new Step(m.group(2), new BigDecimal(m.group(3)), formula, a.words());
            }
        }
        return new Step(null, null, formula, null);
    }

    private static String lastNumericAttribute(Draft d) {
        if (d.ladder != null) {
            return d.ladder;
        }
        String found = null;
        for (Atom a : d.atoms) {
            Matcher m = Atom.COMPARISON.matcher(a.canonical());
            if (m.matches() && !m.group(1).equals("founded")) {
                found = m.group(1);
            }
        }
        return found;
    }

    private static List<String> categories(String zone, int count) {
        Matcher m = CATEGORY_LIST.matcher(zone);
        while (m.find()) {
            List<String> words = new ArrayList<>();
            words.add(m.group(1));
            for (String w : m.group(2).split("、|和|及|或")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            if (words.size() == count) {
                return words.stream().map(w -> w.replaceFirst("^(对|对于|经)", "")).toList();
            }
        }
        return List.of();
    }

    private String name(List<Atom> atoms, Amount amount) {
        String noun = amount.noun() == null ? "奖补" : amount.noun();
        if (noun.matches(".*(每|最多|最高|累计|不超过|合计|总额).*")) {
            noun = noun.substring(noun.length() - 2);
        }
        if (noun.length() > 2) {
            return noun;
        }
        for (Atom a : atoms) {
            if (a.canonical().startsWith("qualifications has ")) {
                return a.canonical().substring("qualifications has ".length()).replace("\"", "") + noun;
            }
        }
        if (amount.attribute() != null) {
            return switch (amount.attribute()) {
                case "rd_expense" -> "研发费用" + noun;
                case "youth_hires" -> "吸纳高校毕业生就业" + noun;
                case "unemployment_insurance_paid" -> "稳岗返还";
                case "export_value" -> "出口" + noun;
                case "revenue" -> "营业收入" + noun;
                case "tax_paid" -> "纳税贡献" + noun;
                default -> "吸纳就业" + noun;
            };
        }
        // who it is for, in the policy's own words: 制造业 + 中小企业 → 制造业中小企业补助
        StringBuilder subject = new StringBuilder();
        for (String kind : List.of("region ", "industry ", "scale ")) {
            atoms.stream().filter(a -> a.canonical().startsWith(kind)).forEach(a -> subject.append(a.words()));
        }
        if (!subject.isEmpty() && subject.length() <= 24) {
            return subject + noun;
        }
        String fallback = sentence.replaceAll("^(第[一二三四五六七八九十百]+条|[（(]?[一二三四五六七八九十\\d]+[)）、.．])\\s*", "")
                .replaceAll("^对(于)?", "");
        return (fallback.length() > 12 ? fallback.substring(0, 12) + "…" : fallback) + noun;
    }
}
