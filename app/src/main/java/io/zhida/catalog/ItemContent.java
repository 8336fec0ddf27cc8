package io.zhida.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a policy item says: Changchun's standard elements plus the machine-readable condition
 * and amount formula. One version of an item holds one ItemContent.
 */
public record ItemContent(
        String code, String name, String documentNumber, String clause, List<String> departments,
        HandlingMode mode, String target, String conditionsText, String condition, List<Material> materials,
        String benefitType, String amountFormula, BigDecimal cap, Integer timeLimitDays, LocalDate applyFrom,
        LocalDate applyTo, LocalDate validFrom, LocalDate validTo, List<String> themes, List<String> industries,
        List<String> regions, String contact, String legalBasis, String interpretation, List<Faq> faq,
        String fundSource, BigDecimal annualBudget, String exclusionGroup, BigDecimal annualCap) {

    /** A required material; shared = the platform fetches it from shared data, the enterprise need not upload it. */
    public record Material(String name, boolean shared, String note) {
    }

    public record Faq(String question, String answer) {
    }

    /**
     * The condition as matching, the calculator and the sandbox evaluate it: the author's rule plus the item's
     * scope — its industries (GB/T 4754 sections or divisions) and its counties — so that an item for 制造业 in
     * 青山县 never reaches a shop in another county whatever the rule says. A city-level region means city-wide.
     */
    public String matchingCondition() {
        String rule = condition == null || condition.isBlank() ? "true" : condition;
        // an AND chain stays one chain, so that each clause is still explained on its own
        StringBuilder c = new StringBuilder(rule.contains("||") ? "(" + rule + "\n)" : rule);
        List<String> codes = industries == null ? List.of() : industries.stream().filter(i -> i.matches("[A-T](\\d{2,4})?")).toList();
        java.util.function.Predicate<String> inScope = prefix -> codes.stream().anyMatch(prefix::startsWith);
        if (!codes.isEmpty() && !impliedBy(rule, INDUSTRY_CLAUSE, inScope)
                && !impliedBy(rule, INDUSTRY_MATCHES, regex -> IndustryPattern.prefixes(regex).map(p -> p.stream().allMatch(inScope)).orElse(false))) {
            c.append("\n&& e.industry.matches(\"^(").append(String.join("|", codes)).append(")\")");
        }
        boolean cityWide = regions == null || regions.isEmpty() || regions.stream().anyMatch(r -> !r.matches("\\d{6}") || r.endsWith("00"));
        if (!cityWide && !impliedBy(rule, REGION_CLAUSE, regions::contains)) {
            c.append("\n&& e.region in [").append(String.join(", ", regions.stream().map(r -> "\"" + r + "\"").toList())).append("]");
        }
        return c.toString();
    }

    /** The amount when the formula is a plain number (定额), for the public page's 支持标准; empty otherwise. */
    public java.util.Optional<BigDecimal> fixedAmount() {
        String f = amountFormula == null ? "" : amountFormula.strip();
        return f.matches("\\d{1,13}(\\.\\d{1,2})?") ? java.util.Optional.of(new BigDecimal(f)) : java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern INDUSTRY_CLAUSE =
            java.util.regex.Pattern.compile("(?<![!\\w.])e\\.industry\\.startsWith\\(\"([A-T]\\d{0,4})\"\\)");
    private static final java.util.regex.Pattern INDUSTRY_MATCHES =
            java.util.regex.Pattern.compile("(?<![!\\w.])e\\.industry\\.matches\\(\"(\\^[^\"]{1,80})\"\\)");
    private static final java.util.regex.Pattern NEGATED_SCOPE = java.util.regex.Pattern.compile("!\\s*e\\.(industry|region)\\b");
    private static final java.util.regex.Pattern REGION_CLAUSE = java.util.regex.Pattern.compile("(?<![!\\w.])e\\.region\\s*==\\s*\"(\\d{6})\"");

    /**
     * Whether a rule made only of clauses that must all hold (no ||, no negated group, no choice) already says
     * what the scope says — an industry under one of the scope's, a county of the scope's — so that the scope is
     * not added, and explained, a second time.
     */
    private static boolean impliedBy(String rule, java.util.regex.Pattern clause, java.util.function.Predicate<String> withinScope) {
        if (rule.contains("||") || rule.contains("!(") || rule.contains("?") || NEGATED_SCOPE.matcher(rule).find()) {
            return false;
        }
        java.util.regex.Matcher m = clause.matcher(rule);
        while (m.find()) {
            if (withinScope.test(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    public static final List<String> BENEFIT_TYPES = List.of("资金奖励", "资金补贴", "贷款贴息", "税费减免", "降低费率",
            "稳岗返还", "房租减免", "人才奖励", "融资担保", "资质认定奖励", "股权投资", "服务券");
}
