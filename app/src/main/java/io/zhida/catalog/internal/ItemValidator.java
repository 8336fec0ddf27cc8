package io.zhida.catalog.internal;

import io.zhida.catalog.ItemContent;
import io.zhida.catalog.RuleBook;
import io.zhida.engine.rule.RuleCompilationException;
import io.zhida.identity.Organisations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** Checks an item's content, every field at once, including that its rules compile against the data standard. */
@Component
public class ItemValidator {

    /** ruleLine/ruleColumn: where in the condition or formula text the problem is (null for other fields). */
    public record Problem(String field, String message, Integer ruleLine, Integer ruleColumn) {
        static Problem of(String field, String message) {
            return new Problem(field, message, null, null);
        }
    }

    private final RuleBook rules;
    private final Organisations organisations;

    ItemValidator(RuleBook rules, Organisations organisations) {
        this.rules = rules;
        this.organisations = organisations;
    }

    /** @param knownDocuments document numbers that exist (in the library or in the same import) */
    public List<Problem> validate(ItemContent c, Predicate<String> knownDocuments) {
        List<Problem> p = new ArrayList<>();
        if (c.code() == null || !c.code().matches("[A-Za-z0-9-]{3,40}")) {
            p.add(Problem.of("code", "事项编码应为3–40位字母、数字或连字符"));
        }
        if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
            p.add(Problem.of("name", "事项名称不能为空且不超过200字"));
        }
        if (c.mode() == null) {
            p.add(Problem.of("mode", "办理方式应为 免申即享、即申即享、承诺即享 或 综合评审"));
        }
        if (!ItemContent.BENEFIT_TYPES.contains(c.benefitType())) {
            p.add(Problem.of("benefit_type", "奖补类型应为：" + String.join("、", ItemContent.BENEFIT_TYPES)));
        }
        if (c.departments() == null || c.departments().isEmpty()) {
            p.add(Problem.of("departments", "至少指定一个办理部门"));
        } else {
            c.departments().stream().filter(d -> organisations.departmentByCode(d).isEmpty())
                    .forEach(d -> p.add(Problem.of("departments", "办理部门编码“" + d + "”不存在")));
        }
        if (c.documentNumber() != null && !c.documentNumber().isBlank() && !knownDocuments.test(c.documentNumber())) {
            p.add(Problem.of("document", "政策文件“" + c.documentNumber() + "”不存在"));
        }
        compile(p, "condition", c.condition(), true);
        if (c.amountFormula() != null && !c.amountFormula().isBlank()) {
            compile(p, "amount", c.amountFormula(), false);
        }
        nonNegative(p, "cap", c.cap());
        nonNegative(p, "annual_budget", c.annualBudget());
        nonNegative(p, "annual_cap", c.annualCap());
        if (c.timeLimitDays() != null && c.timeLimitDays() <= 0) {
            p.add(Problem.of("time_limit_days", "办理时限应为正整数（工作日）"));
        }
        if (c.validFrom() != null && c.validTo() != null && c.validTo().isBefore(c.validFrom())) {
            p.add(Problem.of("valid_to", "有效期截止日期早于起始日期"));
        }
        if (c.applyFrom() != null && c.applyTo() != null && c.applyTo().isBefore(c.applyFrom())) {
            p.add(Problem.of("apply_to", "申报截止日期早于起始日期"));
        }
        p.addAll(scopeProblems(c.industries(), c.regions()));
        c.materials().stream().filter(m -> m.name() == null || m.name().isBlank())
                .findFirst().ifPresent(m -> p.add(Problem.of("materials", "材料名称不能为空")));
        return p;
    }

    /** Industries must be GB/T 4754 sections or codes, regions must exist; shared by items and documents. */
    public List<Problem> scopeProblems(List<String> industries, List<String> regionCodes) {
        List<Problem> p = new ArrayList<>();
        industries.stream().filter(i -> !i.matches("[A-T](\\d{2,4})?"))
                .forEach(i -> p.add(Problem.of("industries", "行业“" + i + "”不是 GB/T 4754 门类或代码（如 C、I65、C3911）")));
        Set<String> regions = Set.copyOf(organisations.regions().stream().map(Organisations.Region::code).toList());
        regionCodes.stream().filter(r -> !regions.contains(r)).forEach(r -> p.add(Problem.of("regions", "区划“" + r + "”不存在")));
        return p;
    }

    private void compile(List<Problem> p, String field, String source, boolean condition) {
        try {
            if (condition) {
                rules.compiler().condition(source);
            } else {
                rules.compiler().formula(source);
            }
        } catch (RuleCompilationException e) {
            e.errors().forEach(err -> p.add(new Problem(field, err.message(), err.line(), err.column())));
        }
    }

    private static void nonNegative(List<Problem> p, String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            p.add(Problem.of(field, "金额不能为负数"));
        }
    }
}
