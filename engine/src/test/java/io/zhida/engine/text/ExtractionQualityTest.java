package io.zhida.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.Calculator;
import io.zhida.engine.rule.Formula;
import io.zhida.engine.rule.RuleCompiler;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extractor against the hand-labelled clauses: precision and recall over the facts a proposal states —
 * each condition, the formula (equal when it pays the same to every sample enterprise) and the cap.
 * docs/policy-extraction.md reports the figures; the thresholds here are the floor they may not fall below.
 */
class ExtractionQualityTest {

    static final double MIN_PRECISION = 0.90;
    static final double MIN_RECALL = 0.85;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard());
    static final Map<String, String> REGIONS = Map.of("中心区", "519902", "东城区", "519903", "高新区", "519904",
            "青山县", "519921", "白水县", "519922", "临江县", "519923", "云峰市", "519981");

    /** Enterprises of very different sizes, so that two formulas paying the same to all of them are the same formula. */
    static final List<Map<String, Object>> SAMPLES = List.of(
            sample(3e6, 2e5, 1e5, 0, 8, 6, 1, 2e4), sample(2.5e7, 1.2e6, 9e5, 3e6, 60, 55, 4, 1.1e5),
            sample(1.5e8, 6e6, 4e6, 2e7, 260, 240, 12, 5e5), sample(6.2e8, 3.1e7, 2.2e7, 9e7, 900, 870, 30, 2.3e6),
            sample(1.3e9, 8e7, 6e7, 4e8, 2600, 2500, 75, 7e6), sample(4.5e9, 2e8, 3e8, 1.5e9, 9000, 8800, 150, 2e7));

    static PolicyTextExtractor extractor;
    static LabelledClauses labelled;

    @BeforeAll
    static void load() throws IOException {
        extractor = new PolicyTextExtractor(RULES, REGIONS);
        labelled = LabelledClauses.load();
    }

    @Test
    void theLabelledSetIsLargeAndVaried() {
        assertThat(labelled.cases()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(labelled.cases().stream().filter(c -> c.items().isEmpty())).hasSizeGreaterThanOrEqualTo(15);
        assertThat(labelled.cases().stream().filter(c -> c.items().size() > 1)).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void precisionAndRecallStayAboveTheFloor() throws IOException {
        int expected = 0;
        int proposed = 0;
        int correct = 0;
        int casesRight = 0;
        List<String> report = new ArrayList<>();
        for (LabelledClauses.Case c : labelled.cases()) {
            List<PolicyTextExtractor.Proposal> got = extractor.extract(c.text(), TODAY).items();
            int caseCorrect = 0;
            int caseExpected = 0;
            int caseProposed = 0;
            for (int i = 0; i < Math.max(got.size(), c.items().size()); i++) {
                LabelledClauses.Expected want = i < c.items().size() ? c.items().get(i) : null;
                PolicyTextExtractor.Proposal have = i < got.size() ? got.get(i) : null;
                Set<String> wantFacts = want == null ? Set.of() : facts(want);
                Set<String> haveFacts = have == null ? Set.of() : facts(have);
                caseExpected += wantFacts.size() + (want != null && wantFacts.isEmpty() ? 1 : 0);
                caseProposed += haveFacts.size() + (have != null && haveFacts.isEmpty() ? 1 : 0);
                Set<String> common = new HashSet<>(wantFacts);
                common.retainAll(haveFacts);
                caseCorrect += common.size() + (want != null && have != null && wantFacts.isEmpty() && haveFacts.isEmpty() ? 1 : 0);
                if (want != null && have != null && (want.formula().equals("-") ? have.formula() != null
                        : have.formula() != null && samePay(want.formula(), have.formula()))) {
                    caseCorrect += want.formula().equals("-") ? 0 : 1;
                }
                caseExpected += want != null && !want.formula().equals("-") ? 1 : 0;
                caseProposed += have != null && have.formula() != null ? 1 : 0;
                if (!Objects.equals(wantFacts, haveFacts) || want == null || have == null
                        || !(want.formula().equals("-") ? have.formula() == null : have.formula() != null && samePay(want.formula(), have.formula()))) {
                    report.add("line " + c.line() + " item " + (i + 1) + ": " + c.text()
                            + "\n   want " + (want == null ? "—" : wantFacts + " | " + want.formula())
                            + "\n   have " + (have == null ? "—" : haveFacts + " | " + have.formula()));
                }
            }
            expected += caseExpected;
            proposed += caseProposed;
            correct += caseCorrect;
            casesRight += caseCorrect == caseExpected && caseProposed == caseExpected ? 1 : 0;
        }
        double precision = proposed == 0 ? 0 : (double) correct / proposed;
        double recall = expected == 0 ? 0 : (double) correct / expected;
        String summary = String.format("cases %d, exactly right %d; facts expected %d, proposed %d, correct %d; precision %.3f, recall %.3f",
                labelled.cases().size(), casesRight, expected, proposed, correct, precision, recall);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/extraction-report.txt"), summary + "\n\n" + String.join("\n", report));
        System.out.println("政策智能拆解 " + summary);
        assertThat(precision).as(summary).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as(summary).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void everyProposalCompilesAndTheCalculatorTakesItAsItIs() {
        for (LabelledClauses.Case c : labelled.cases()) {
            for (PolicyTextExtractor.Proposal p : extractor.extract(c.text(), TODAY).items()) {
                for (Map<String, Object> enterprise : SAMPLES) {
                    Calculator.Result result = Calculator.calculate(RULES.condition(p.condition()),
                            p.formula() == null ? null : RULES.formula(p.formula()), p.cap(), enterprise, RULES.schema(), TODAY);
                    assertThat(result.result()).as(p.condition()).isNotNull();
                    if (p.formula() != null && result.amount() != null && p.cap() != null) {
                        assertThat(result.amount()).isLessThanOrEqualTo(p.cap());
                    }
                }
            }
        }
    }

    /** The labels' facts: each condition, and the cap. The formula is compared by what it pays. */
    private static Set<String> facts(LabelledClauses.Expected e) {
        Set<String> facts = new HashSet<>(e.atoms());
        if (!e.cap().equals("-")) {
            facts.add("cap " + new BigDecimal(e.cap()).stripTrailingZeros().toPlainString());
        }
        return facts;
    }

    private static Set<String> facts(PolicyTextExtractor.Proposal p) {
        Set<String> facts = new HashSet<>();
        p.atoms().forEach(a -> facts.add(a.canonical()));
        if (p.cap() != null) {
            facts.add("cap " + p.cap().stripTrailingZeros().toPlainString());
        }
        return facts;
    }

    private static boolean samePay(String a, String b) {
        Formula fa = RULES.formula(a);
        Formula fb = RULES.formula(b);
        for (Map<String, Object> s : SAMPLES) {
            Map<String, Object> values = Calculator.prepare(s, RULES.schema());
            if (!Objects.equals(fa.evaluate(values, TODAY).amount(), fb.evaluate(values, TODAY).amount())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> sample(double revenue, double rd, double tax, double export, int employees, int insured,
                                              int youth, double unemploymentInsurance) {
        return Map.ofEntries(Map.entry("revenue", revenue), Map.entry("revenue_prev", revenue * 0.8), Map.entry("rd_expense", rd),
                Map.entry("tax_paid", tax), Map.entry("export_value", export), Map.entry("employees", employees),
                Map.entry("insured_employees", insured), Map.entry("youth_hires", youth),
                Map.entry("unemployment_insurance_paid", unemploymentInsurance), Map.entry("registered_capital", revenue / 10),
                Map.entry("total_assets", revenue * 1.5), Map.entry("layoffs", 0), Map.entry("founded", "2020-05-01"),
                Map.entry("industry", "C3911"), Map.entry("region", "519921"), Map.entry("qualifications", List.of("高新技术企业")),
                Map.entry("tax_credit_rating", "A"), Map.entry("dishonest", false));
    }
}
