package io.zhida.insight;

import java.util.List;
import java.util.Map;

/**
 * The analysis of one selection: how many texts (and in the period before), from which sources, the hot words and
 * topics, their trend by month, and the top words of each department, item, industry and month in it.
 */
public record Overview(InsightFilter filter, int texts, int previousTexts, Map<String, Integer> bySource, List<HotWord> words,
                       List<Topic> topics, Trend trend, List<Slice> departments, List<Slice> items, List<Slice> industries,
                       List<Slice> months) {

    /** One department, item, industry or month of the selection: its texts, its top words, and the selection it is. */
    public record Slice(String key, String name, int texts, List<HotWord> words, InsightFilter filter) {
    }
}
