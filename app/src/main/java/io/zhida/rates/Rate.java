package io.zhida.rates;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A rate with what it is made of: numerator over denominator; no rate when nothing was counted. */
public record Rate(long numerator, long denominator) {

    public static final Rate NONE = new Rate(0, 0);

    /** Share between 0 and 1, four decimals; null when the denominator is zero. */
    @JsonProperty("rate")
    public BigDecimal rate() {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    /** The rate as a score out of 100 (two decimals), null when nothing was counted. */
    public BigDecimal score() {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    public Rate plus(Rate other) {
        return new Rate(numerator + other.numerator, denominator + other.denominator);
    }

    public String percent() {
        BigDecimal s = score();
        return s == null ? "—" : s.setScale(1, RoundingMode.HALF_UP) + "%";
    }
}
