package io.zhida.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The texts one module holds, for demand analysis. Each module that owns texts enterprises write implements this in its
 * own {@code internal} package, reading only its own tables, and declares it a bean; the analysis asks every source.
 */
public interface DemandTextSource {

    /** The first instant of {@code day}, Asia/Shanghai: a source's query runs from {@code startOf(from)}… */
    static java.sql.Timestamp startOf(LocalDate day) {
        return java.sql.Timestamp.from(day.atStartOfDay(io.zhida.platform.Today.ZONE).toInstant());
    }

    /** …until {@code endOf(to)}, the first instant after {@code day}, exclusive. */
    static java.sql.Timestamp endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    /** The business date of a stored instant. */
    static LocalDate dayOf(java.sql.Timestamp at) {
        return LocalDate.ofInstant(at.toInstant(), io.zhida.platform.Today.ZONE);
    }

    /** What the texts are, as users read it: 诉求, 评价, 问卷, 帮包诉求. */
    String label();

    /**
     * The texts written from {@code from} to {@code to} (both included, Asia/Shanghai dates), newest first, at most
     * {@code limit}; blank texts left out.
     */
    List<DemandText> texts(LocalDate from, LocalDate to, int limit);

    /**
     * The texts with their enterprises' industries, looked up once for all of them: {@code industries} answers each
     * distinct 统一社会信用代码 asked with its GB/T 4754 code (an unknown code may be left out).
     */
    static List<DemandText> withIndustries(List<DemandText> texts, Function<Collection<String>, Map<String, String>> industries) {
        Set<String> usccs = texts.stream().map(DemandText::uscc).filter(u -> u != null && !u.isBlank()).collect(Collectors.toSet());
        if (usccs.isEmpty()) {
            return texts;
        }
        Map<String, String> found = industries.apply(usccs);
        return texts.stream().map(t -> t.uscc() == null ? t : t.withIndustry(found.get(t.uscc()))).toList();
    }
}
