package io.zhida.datagen;

import java.util.List;

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
}
