package io.zhida.catalog.web;

import io.zhida.catalog.HandlingMode;
import io.zhida.catalog.ItemContent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The authoring form: lists are edited as text (one per line, or comma-separated) and parsed here. */
class ItemForm {

    public String code = "";
    public String name = "";
    public String documentNumber = "";
    public String clause = "";
    public List<String> departments = new ArrayList<>();
    public String mode = "FULL_REVIEW";
    public String target = "";
    public String conditionsText = "";
    public String condition = "";
    public String materials = "";
    public String benefitType = "资金奖励";
    public String amountFormula = "";
    public BigDecimal cap;
    public Integer timeLimitDays = 10;
    public LocalDate applyFrom;
    public LocalDate applyTo;
    public LocalDate validFrom;
    public LocalDate validTo;
    public String themes = "";
    public String industries = "";
    public String regions = "";
    public String contact = "";
    public String legalBasis = "";
    public String interpretation = "";
    public String faq = "";
    public String fundSource = "";
    public BigDecimal annualBudget;
    public String exclusionGroup = "";
    public BigDecimal annualCap;

    // Setters for data binding (Spring binds through setters or direct field access when configured; setters keep it explicit).
    public void setCode(String v) { code = v; }
    public void setName(String v) { name = v; }
    public void setDocumentNumber(String v) { documentNumber = v; }
    public void setClause(String v) { clause = v; }
    public void setDepartments(List<String> v) { departments = v == null ? new ArrayList<>() : v; }
    public void setMode(String v) { mode = v; }
    public void setTarget(String v) { target = v; }
    public void setConditionsText(String v) { conditionsText = v; }
    public void setCondition(String v) { condition = v; }
    public void setMaterials(String v) { materials = v; }
    public void setBenefitType(String v) { benefitType = v; }
    public void setAmountFormula(String v) { amountFormula = v; }
    public void setCap(BigDecimal v) { cap = v; }
    public void setTimeLimitDays(Integer v) { timeLimitDays = v; }
    public void setApplyFrom(LocalDate v) { applyFrom = v; }
    public void setApplyTo(LocalDate v) { applyTo = v; }
    public void setValidFrom(LocalDate v) { validFrom = v; }
    public void setValidTo(LocalDate v) { validTo = v; }
    public void setThemes(String v) { themes = v; }
    public void setIndustries(String v) { industries = v; }
    public void setRegions(String v) { regions = v; }
    public void setContact(String v) { contact = v; }
    public void setLegalBasis(String v) { legalBasis = v; }
    public void setInterpretation(String v) { interpretation = v; }
    public void setFaq(String v) { faq = v; }
    public void setFundSource(String v) { fundSource = v; }
    public void setAnnualBudget(BigDecimal v) { annualBudget = v; }
    public void setExclusionGroup(String v) { exclusionGroup = v; }
    public void setAnnualCap(BigDecimal v) { annualCap = v; }

    static ItemForm of(ItemContent c) {
        ItemForm f = new ItemForm();
        f.code = c.code();
        f.name = c.name();
        f.documentNumber = nz(c.documentNumber());
        f.clause = nz(c.clause());
        f.departments = new ArrayList<>(c.departments());
        f.mode = c.mode().name();
        f.target = nz(c.target());
        f.conditionsText = nz(c.conditionsText());
        f.condition = c.condition();
        f.materials = String.join("\n", c.materials().stream().map(m -> (m.shared() ? "[共享]" : "") + m.name()).toList());
        f.benefitType = c.benefitType();
        f.amountFormula = nz(c.amountFormula());
        f.cap = c.cap();
        f.timeLimitDays = c.timeLimitDays();
        f.applyFrom = c.applyFrom();
        f.applyTo = c.applyTo();
        f.validFrom = c.validFrom();
        f.validTo = c.validTo();
        f.themes = String.join("，", c.themes());
        f.industries = String.join("，", c.industries());
        f.regions = String.join("，", c.regions());
        f.contact = nz(c.contact());
        f.legalBasis = nz(c.legalBasis());
        f.interpretation = nz(c.interpretation());
        f.faq = String.join("\n", c.faq().stream().map(q -> q.question() + "｜" + q.answer()).toList());
        f.fundSource = nz(c.fundSource());
        f.annualBudget = c.annualBudget();
        f.exclusionGroup = nz(c.exclusionGroup());
        f.annualCap = c.annualCap();
        return f;
    }

    ItemContent toContent() {
        List<ItemContent.Material> materialList = lines(materials).stream()
                .map(l -> l.startsWith("[共享]") ? new ItemContent.Material(l.substring(4).strip(), true, null)
                        : new ItemContent.Material(l, false, null)).toList();
        List<ItemContent.Faq> faqList = lines(faq).stream().map(l -> l.split("[｜|]", 2))
                .map(p -> new ItemContent.Faq(p[0].strip(), p.length > 1 ? p[1].strip() : "")).toList();
        return new ItemContent(code.strip(), name.strip(), blank(documentNumber), blank(clause), departments,
                HandlingMode.parse(mode).orElse(null), blank(target), blank(conditionsText), condition, materialList,
                benefitType, blank(amountFormula), cap, timeLimitDays, applyFrom, applyTo, validFrom, validTo,
                words(themes), words(industries), words(regions), blank(contact), blank(legalBasis), blank(interpretation),
                faqList, blank(fundSource), annualBudget, blank(exclusionGroup), annualCap);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Splits a list typed by a person: commas (also Chinese ones), enumeration marks or spaces. */
    static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，、\\s]+")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
