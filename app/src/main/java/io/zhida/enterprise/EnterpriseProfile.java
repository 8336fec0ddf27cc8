package io.zhida.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One enterprise's profile; a null value is an attribute the platform does not hold. Money in yuan.
 * {@code tags} are the effective tags (manual ones plus those whose tag rule holds); {@code extra} holds
 * the values of attributes an administrator declared, and a given {@code scale}.
 */
public record EnterpriseProfile(
        String uscc, String name, String entityType, String status, LocalDate founded, BigDecimal registeredCapital,
        String region, String industry, Integer employees, BigDecimal revenue, BigDecimal revenuePrev,
        BigDecimal totalAssets, BigDecimal taxPaid, BigDecimal rdExpense, BigDecimal exportValue,
        Integer insuredEmployees, BigDecimal unemploymentInsurancePaid, Integer layoffs, Integer youthHires,
        List<String> qualifications, LocalDate hitechCertified, String taxCreditRating, Boolean dishonest,
        List<String> tags, String contactPhone, String contactEmail, List<String> manualTags, Map<String, Object> extra) {

    /** The attributes in the data standard's names as the rule engine reads them; what is not held is left out. */
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "uscc", uscc);
        put(m, "name", name);
        put(m, "entity_type", entityType);
        put(m, "status", status);
        put(m, "founded", founded == null ? null : founded.toString());
        put(m, "registered_capital", registeredCapital);
        put(m, "region", region);
        put(m, "industry", industry);
        put(m, "employees", employees);
        put(m, "revenue", revenue);
        put(m, "revenue_prev", revenuePrev);
        put(m, "total_assets", totalAssets);
        put(m, "tax_paid", taxPaid);
        put(m, "rd_expense", rdExpense);
        put(m, "export_value", exportValue);
        put(m, "insured_employees", insuredEmployees);
        put(m, "unemployment_insurance_paid", unemploymentInsurancePaid);
        put(m, "layoffs", layoffs);
        put(m, "youth_hires", youthHires);
        put(m, "qualifications", qualifications);
        put(m, "hitech_certified", hitechCertified == null ? null : hitechCertified.toString());
        put(m, "tax_credit_rating", taxCreditRating);
        put(m, "dishonest", dishonest);
        put(m, "tags", tags);
        extra.forEach((name, value) -> put(m, name, value));
        return m;
    }

    /** An attribute's value, or a contact field's (contact_phone, contact_email); null when not held. */
    public Object value(String name) {
        return switch (name) {
            case "contact_phone" -> contactPhone;
            case "contact_email" -> contactEmail;
            default -> attributes().get(name);
        };
    }

    private static void put(Map<String, Object> m, String name, Object value) {
        if (value != null) {
            m.put(name, value);
        }
    }
}
