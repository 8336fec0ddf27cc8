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

    public static final List<String> BENEFIT_TYPES = List.of("资金奖励", "资金补贴", "贷款贴息", "税费减免", "降低费率",
            "稳岗返还", "房租减免", "人才奖励", "融资担保", "资质认定奖励", "股权投资", "服务券");
}
