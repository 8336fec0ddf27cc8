package io.zhida.insight;

import java.time.LocalDate;
import java.util.List;

/** The answer of GET /api/v1/insight/hot-words: the selection, how many texts it holds, its hot words and topics. */
public record HotWords(LocalDate from, LocalDate to, String department, String item, String industry, int texts, int previousTexts,
                       List<HotWord> words, List<Topic> topics) {
}
