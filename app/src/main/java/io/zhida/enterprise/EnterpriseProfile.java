package io.zhida.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One enterprise's profile; a null value is an attribute the platform does not hold. Money in yuan. */
public record EnterpriseProfile(
        String uscc, String name, String entityType, String status, LocalDate founded, BigDecimal registeredCapital,
        String region, String industry, Integer employees, BigDecimal revenue, BigDecimal revenuePrev,
        BigDecimal totalAssets, BigDecimal taxPaid, BigDecimal rdExpense, BigDecimal exportValue,
        Integer insuredEmployees, BigDecimal unemploymentInsurancePaid, Integer layoffs, Integer youthHires,
        List<String> qualifications, LocalDate hitechCertified, String taxCreditRating, Boolean dishonest,
        List<String> tags, String contactPhone) {
}
