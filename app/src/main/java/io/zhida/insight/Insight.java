package io.zhida.insight;

import io.zhida.identity.AccessPolicy;
import io.zhida.identity.Organisations;
import io.zhida.identity.SystemClient;
import io.zhida.identity.ZhidaUser;
import io.zhida.insight.internal.Analyses;
import io.zhida.insight.internal.Corpus;
import io.zhida.insight.internal.DemandTexts;
import io.zhida.insight.internal.MonthlyReports;
import io.zhida.insight.internal.ReportSheet;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Page;
import io.zhida.platform.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * 诉求智能分析 for policy departments: hot words, topics and trends of what enterprises wrote, the texts behind a word or
 * topic, and the monthly report. The evaluation office, leaders and administrators see the city and any department; any
 * other member of staff only their own department's texts (asking for another department is a 403). Systems holding
 * {@code insight:read} see the city's hot words.
 */
@Service
public class Insight {

    public static final int MAX_WORD = 20;
    public static final int MAX_TOPIC_WORDS = 6;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{1," + MAX_WORD + "}");
    private static final Pattern ENCODED = Pattern.compile("(%[0-9A-Fa-f]{2})+");

    private final Analyses analyses;
    private final MonthlyReports reports;
    private final DemandTexts texts;
    private final Organisations organisations;

    Insight(Analyses analyses, MonthlyReports reports, DemandTexts texts, Organisations organisations) {
        this.analyses = analyses;
        this.reports = reports;
        this.texts = texts;
        this.organisations = organisations;
    }

    /** Whether the person sees every department's texts. */
    public boolean seesCity(ZhidaUser user) {
        return AccessPolicy.EVALUATION_READING.allows(user);
    }

    /** The selection narrowed to what the person may see: their own department unless they see the city. */
    public InsightFilter scoped(ZhidaUser user, InsightFilter asked) {
        requireKnownDepartment(asked.department());
        if (seesCity(user)) {
            return asked;
        }
        String own = organisations.departmentCodeOf(user)
                .orElseThrow(() -> new AccessDeniedException("demand analysis: the evaluation office or a department's staff"));
        if (asked.department() != null && !asked.department().equals(own)) {
            throw new AccessDeniedException("another department's demands");
        }
        return asked.withDepartment(own);
    }

    /** A system holding insight:read sees the city. */
    public InsightFilter scoped(SystemClient client, InsightFilter asked) {
        requireKnownDepartment(asked.department());
        return asked;
    }

    public HotWords hotWords(InsightFilter scoped, Integer limit) {
        int n = limit == null ? Analyses.WORDS : limit;
        if (n < 1 || n > Analyses.MAX_WORDS) {
            throw new InvalidInputException("limit", "热词个数应为 1–" + Analyses.MAX_WORDS);
        }
        return analyses.hotWords(scoped, n);
    }

    public Overview overview(InsightFilter scoped) {
        return analyses.overview(scoped, this::departmentName);
    }

    /** The texts behind a word (one) or a topic (its words: the texts holding at least two), newest first, a page of them. */
    public Page<DemandText> texts(InsightFilter scoped, List<String> words, PageQuery page) {
        Corpus c = texts.load(scoped.from(), scoped.to(), scoped::admits);
        List<DemandText> all = c.matching(new Corpus.Selector(words)).stream().map(Corpus.Doc::text).toList();
        int from = (int) Math.min(all.size(), page.offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + page.size())), all.size(), page);
    }

    /** A word's or topic's texts per month over the twelve months to the selection's last, with the change from month to month. */
    public Trend trend(InsightFilter scoped, List<String> words) {
        YearMonth last = YearMonth.from(scoped.to());
        List<YearMonth> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        Corpus all = texts.load(last.minusMonths(12).atDay(1), last.atEndOfMonth(), scoped::admitsAnyDate);
        return Analyses.trend(all, months, List.of(Map.entry(String.join("·", words), new Corpus.Selector(words))));
    }

    /** 政策诉求月报 of the scoped selection's department (or the city) for the month. */
    public MonthlyReport report(YearMonth month, InsightFilter scoped) {
        String name = scoped.department() == null ? "全市" : departmentName(scoped.department());
        return reports.report(month, scoped.department(), name);
    }

    public byte[] reportSheet(MonthlyReport report) {
        return ReportSheet.bytes(report, this::departmentName);
    }

    /**
     * The words someone asked for: one word, or a topic's words separated by commas; each 1–{@value #MAX_WORD} letters or
     * digits, at most {@value #MAX_TOPIC_WORDS}. A word that arrives percent-encoded a second time (by a proxy) is read once more.
     */
    public List<String> words(String asked, String field) {
        if (asked == null || asked.isBlank()) {
            throw new InvalidInputException(field, "请给出词语");
        }
        if (asked.length() > 400) {
            throw new InvalidInputException(field, "词语过长");
        }
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String part : asked.split("[,，]")) {
            String w = decoded(part.strip(), field);
            if (!WORD.matcher(w).matches()) {
                throw new InvalidInputException(field, "词语应为 1–" + MAX_WORD + " 个汉字、字母或数字");
            }
            words.add(w);
        }
        if (words.size() > MAX_TOPIC_WORDS) {
            throw new InvalidInputException(field, "话题最多 " + MAX_TOPIC_WORDS + " 个词");
        }
        return List.copyOf(words);
    }

    public String departmentName(String code) {
        return organisations.departmentByCode(code).map(Organisations.Department::name).orElse(code);
    }

    /** Code → name of every department, for lists of texts. */
    public Map<String, String> departmentNames() {
        Map<String, String> names = new HashMap<>();
        organisations.departments().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    public List<String> sources() {
        return texts.labels();
    }

    private void requireKnownDepartment(String code) {
        if (code != null && organisations.departmentByCode(code).isEmpty()) {
            throw new InvalidInputException("department", "没有这个部门：" + code);
        }
    }

    private static String decoded(String w, String field) {
        if (!w.contains("%") || !ENCODED.matcher(w).find()) {
            return w;
        }
        try {
            return UriUtils.decode(w, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "词语应为 1–" + MAX_WORD + " 个汉字、字母或数字");
        }
    }
}
