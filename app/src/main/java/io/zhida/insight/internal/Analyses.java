package io.zhida.insight.internal;

import io.zhida.engine.standard.IndustryCode;
import io.zhida.insight.HotWord;
import io.zhida.insight.HotWords;
import io.zhida.insight.InsightFilter;
import io.zhida.insight.Overview;
import io.zhida.insight.Topic;
import io.zhida.insight.Trend;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** Hot words, topics, slices and trends of a selection, against the period just before it. */
@Component
public class Analyses {

    public static final int WORDS = 20;
    public static final int MAX_WORDS = 100;
    static final int SLICE_WORDS = 5;
    static final int SLICES = 12;
    static final int TREND_WORDS = 5;
    static final int TREND_TOPICS = 3;

    /** A selection, the period before it, and both together (for trends that start a month early). */
    public record Window(Corpus current, Corpus previous, Corpus all) {
    }

    private final DemandTexts texts;

    Analyses(DemandTexts texts) {
        this.texts = texts;
    }

    public Window window(InsightFilter f) {
        return window(f, f.previous().from());
    }

    /** The selection and the period before it, loaded from {@code earliest} if that is earlier still (for a trend). */
    private Window window(InsightFilter f, LocalDate earliest) {
        InsightFilter before = f.previous();
        Corpus all = texts.load(earliest.isBefore(before.from()) ? earliest : before.from(), f.to(), f::admitsAnyDate);
        return new Window(all.where(f::admits), all.where(before::admits), all);
    }

    public HotWords hotWords(InsightFilter f, int limit) {
        Window w = window(f);
        return new HotWords(f.from(), f.to(), f.department(), f.item(), f.industry(), w.current().size(), w.previous().size(),
                w.current().top(limit, w.previous()), topics(w.current(), w.previous()));
    }

    /** The whole analysis of a selection; {@code departmentName} names a department by its code. */
    public Overview overview(InsightFilter f, UnaryOperator<String> departmentName) {
        List<YearMonth> months = trendMonths(f);
        Window w = window(f, months.get(0).minusMonths(1).atDay(1));
        Corpus c = w.current();
        List<HotWord> words = c.top(WORDS, w.previous());
        List<Topic> topics = topics(c, w.previous());
        return new Overview(f, c.size(), w.previous().size(), c.bySource(), words, topics, trend(w.all(), months, series(words, topics)),
                slices(c.groupBy(t -> t.departmentCode()), departmentName, f::withDepartment),
                slices(c.groupBy(t -> t.itemCode()), code -> code, f::withItem),
                slices(c.groupBy(t -> t.industry()), code -> code + " " + IndustryCode.sectionName(code), f::withIndustry),
                slices(c.groupBy(t -> YearMonth.from(t.date()).toString()), m -> m, m -> within(f, YearMonth.parse(m))).stream()
                        .sorted(java.util.Comparator.comparing(Overview.Slice::key)).toList());
    }

    public List<Topic> topics(Corpus current, Corpus previous) {
        return TopicGrouping.groups(current).stream().map(g -> {
            Corpus.Selector s = new Corpus.Selector(g.words());
            return new Topic(g.name(), g.words(), g.together(), current.count(s), previous.count(s));
        }).toList();
    }

    /** The top words and topics as the series of a trend: each word alone, each topic by its words. */
    public static List<Map.Entry<String, Corpus.Selector>> series(List<HotWord> words, List<Topic> topics) {
        List<Map.Entry<String, Corpus.Selector>> series = new ArrayList<>();
        words.stream().limit(TREND_WORDS).forEach(w -> series.add(Map.entry(w.word(), new Corpus.Selector(List.of(w.word())))));
        topics.stream().limit(TREND_TOPICS).forEach(t -> series.add(Map.entry("话题：" + t.name(), new Corpus.Selector(t.words()))));
        return series;
    }

    /** Per month of {@code months}, how many texts of {@code all} each series stands for, and the change from the month before. */
    public static Trend trend(Corpus all, List<YearMonth> months, List<Map.Entry<String, Corpus.Selector>> series) {
        Map<String, Corpus> byMonth = all.groupBy(t -> YearMonth.from(t.date()).toString());
        List<Trend.Series> out = new ArrayList<>();
        for (Map.Entry<String, Corpus.Selector> s : series) {
            List<Integer> counts = new ArrayList<>();
            List<Integer> rises = new ArrayList<>();
            int before = count(byMonth, months.get(0).minusMonths(1), s.getValue());
            for (YearMonth m : months) {
                int n = count(byMonth, m, s.getValue());
                counts.add(n);
                rises.add(n - before);
                before = n;
            }
            out.add(new Trend.Series(s.getKey(), counts, rises));
        }
        return new Trend(months.stream().map(YearMonth::toString).toList(), out);
    }

    /** The twelve months to the selection's last, or the months the selection touches when they are more. */
    static List<YearMonth> trendMonths(InsightFilter f) {
        YearMonth last = YearMonth.from(f.to());
        YearMonth first = YearMonth.from(f.from()).isBefore(last.minusMonths(11)) ? YearMonth.from(f.from()) : last.minusMonths(11);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static int count(Map<String, Corpus> byMonth, YearMonth m, Corpus.Selector s) {
        Corpus c = byMonth.get(m.toString());
        return c == null ? 0 : c.count(s);
    }

    private static List<Overview.Slice> slices(Map<String, Corpus> groups, Function<String, String> name,
                                               Function<String, InsightFilter> filter) {
        return groups.entrySet().stream().limit(SLICES).map(e -> new Overview.Slice(e.getKey(), name.apply(e.getKey()), e.getValue().size(),
                e.getValue().top(SLICE_WORDS, null), filter.apply(e.getKey()))).toList();
    }

    /** The part of a selection's period in one month. */
    private static InsightFilter within(InsightFilter f, YearMonth m) {
        LocalDate start = m.atDay(1).isBefore(f.from()) ? f.from() : m.atDay(1);
        LocalDate end = m.atEndOfMonth().isAfter(f.to()) ? f.to() : m.atEndOfMonth();
        return f.withPeriod(start, end);
    }
}
