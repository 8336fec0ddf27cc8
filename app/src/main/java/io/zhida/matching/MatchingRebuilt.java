package io.zhida.matching;

/** Every online item was matched against every enterprise and the results stored (at start-up and on bulk changes). */
public record MatchingRebuilt(int items, int enterprises) {
}
