package io.zhida.insight;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * 政策诉求月报: one month of one department (or of the city), against the month before — texts by source, top words,
 * topics, the trend of the top words over the twelve months to this one, and sample texts of each topic.
 */
public record MonthlyReport(YearMonth month, String department, String scopeName, int texts, int previousTexts,
                            Map<String, Integer> bySource, List<HotWord> words, List<Topic> topics, Trend trend, List<Sample> samples) {

    /** A text shown as an example of a topic or word. */
    public record Sample(String about, DemandText text) {
    }
}
