package io.zhida.insight.internal;

import io.zhida.insight.HotWord;
import io.zhida.insight.InsightFilter;
import io.zhida.insight.MonthlyReport;
import io.zhida.insight.Topic;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 政策诉求月报: a month of one department or of the city against the month before, the trend of its top words and topics
 * over the twelve months to it, and the newest {@value #SAMPLES} texts of each topic (of each top word when there is no
 * topic).
 */
@Component
public class MonthlyReports {

    static final int SAMPLES = 3;
    static final int SAMPLE_WORDS = 3;

    private final DemandTexts texts;
    private final Analyses analyses;

    MonthlyReports(DemandTexts texts, Analyses analyses) {
        this.texts = texts;
        this.analyses = analyses;
    }

    public MonthlyReport report(YearMonth month, String department, String scopeName) {
        InsightFilter f = InsightFilter.ofMonth(month, department);
        InsightFilter before = f.previous();
        List<YearMonth> year = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            year.add(month.minusMonths(i));
        }
        Corpus all = texts.load(month.minusMonths(12).atDay(1), f.to(), f::admitsAnyDate);
        Corpus current = all.where(f::admits);
        Corpus previous = all.where(before::admits);
        List<HotWord> words = current.top(Analyses.WORDS, previous);
        List<Topic> topics = analyses.topics(current, previous);
        return new MonthlyReport(month, department, scopeName, current.size(), previous.size(), current.bySource(), words, topics,
                Analyses.trend(all, year, Analyses.series(words, topics)), samples(current, words, topics));
    }

    private static List<MonthlyReport.Sample> samples(Corpus current, List<HotWord> words, List<Topic> topics) {
        List<MonthlyReport.Sample> samples = new ArrayList<>();
        for (Topic t : topics) {
            current.matching(new Corpus.Selector(t.words())).stream().limit(SAMPLES)
                    .forEach(d -> samples.add(new MonthlyReport.Sample("话题：" + t.name(), d.text())));
        }
        if (topics.isEmpty()) {
            for (HotWord w : words.stream().limit(SAMPLE_WORDS).toList()) {
                current.matching(new Corpus.Selector(List.of(w.word()))).stream().limit(SAMPLES)
                        .forEach(d -> samples.add(new MonthlyReport.Sample("热词：" + w.word(), d.text())));
            }
        }
        return samples;
    }
}
