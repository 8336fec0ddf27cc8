package io.zhida.bench;

import java.util.List;
import java.util.Map;

/** An enterprise as a Drools fact: the attributes the bench conditions read, null where not held. */
public final class Firm {

    private final int ordinal;
    private final Map<String, Object> values;

    Firm(int ordinal, Map<String, Object> values) {
        this.ordinal = ordinal;
        this.values = values;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public String getIndustry() {
        return (String) values.get("industry");
    }

    public String getRegion() {
        return (String) values.get("region");
    }

    public String getScale() {
        return (String) values.get("scale");
    }

    public String getStatus() {
        return (String) values.get("status");
    }

    public String getTaxCreditRating() {
        return (String) values.get("tax_credit_rating");
    }

    public String getFounded() {
        return (String) values.get("founded");
    }

    public Double getRevenue() {
        return (Double) values.get("revenue");
    }

    public Double getRdRatio() {
        return (Double) values.get("rd_ratio");
    }

    public Double getRevenueGrowth() {
        return (Double) values.get("revenue_growth");
    }

    public Long getEmployees() {
        return (Long) values.get("employees");
    }

    public Long getLayoffs() {
        return (Long) values.get("layoffs");
    }

    public Long getInsuredEmployees() {
        return (Long) values.get("insured_employees");
    }

    public Boolean getDishonest() {
        return (Boolean) values.get("dishonest");
    }

    @SuppressWarnings("unchecked")
    public List<String> getQualifications() {
        return (List<String>) values.getOrDefault("qualifications", List.of());
    }

    @SuppressWarnings("unchecked")
    public List<String> getTags() {
        return (List<String>) values.getOrDefault("tags", List.of());
    }
}
