package io.zhida.rates;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The three rates of one group (the city, a county, a department or an item) for a period. Money is
 * kept beside fulfilment: paid over approved for the same grants.
 */
public record RateRow(String key, String name, Rate awareness, Rate satisfaction, Rate fulfillment,
                      BigDecimal approvedAmount, BigDecimal paidAmount) {

    @JsonProperty("amountRate")
    public BigDecimal amountRate() {
        return approvedAmount.signum() == 0 ? null : paidAmount.divide(approvedAmount, 4, RoundingMode.HALF_UP);
    }

    public RateRow plus(RateRow o) {
        return new RateRow(key, name, awareness.plus(o.awareness), satisfaction.plus(o.satisfaction),
                fulfillment.plus(o.fulfillment), approvedAmount.add(o.approvedAmount), paidAmount.add(o.paidAmount));
    }
}
