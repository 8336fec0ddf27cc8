package io.zhida.datagen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One enterprise in the names of the enterprise data standard v1. A null field is an attribute the
 * platform does not hold (absent, not zero). Money in yuan.
 */
public record EnterpriseRecord(
        String uscc, String name, String entityType, String status, String founded,
        Double registeredCapital, String region, String industry, Integer employees,
        Double revenue, Double revenuePrev, Double totalAssets, Double taxPaid, Double rdExpense,
        Double exportValue, Integer insuredEmployees, Double unemploymentInsurancePaid,
        Integer layoffs, Integer youthHires, List<String> qualifications, String hitechCertified,
        String taxCreditRating, Boolean dishonest, List<String> tags, String phone) {

    /** The attributes in the data standard's names, leaving out what is not held (phone is contact data, not an attribute). */
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "uscc", uscc);
        put(m, "name", name);
        put(m, "entity_type", entityType);
        put(m, "status", status);
        put(m, "founded", founded);
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
        put(m, "hitech_certified", hitechCertified);
        put(m, "tax_credit_rating", taxCreditRating);
        put(m, "dishonest", dishonest);
        put(m, "tags", tags);
        return m;
    }

    private static void put(Map<String, Object> m, String name, Object value) {
        if (value != null) {
            m.put(name, value);
        }
    }
}
