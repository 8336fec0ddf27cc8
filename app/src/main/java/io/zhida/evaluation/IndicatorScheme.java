package io.zhida.evaluation;

/** A weight scheme of the indicator system, for the first (1) or second (2) half of a year. */
public record IndicatorScheme(long id, String name, int half) {
}
