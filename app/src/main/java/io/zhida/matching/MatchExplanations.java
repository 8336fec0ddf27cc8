package io.zhida.matching;

import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.PolicyItem;
import io.zhida.engine.rule.Calculator;
import io.zhida.platform.Today;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The clause-by-clause explanation and amount of each of an enterprise's matched items (我的政策, the matches
 * API), kept per enterprise while its data, the item's rule version and the day stay the same: an enterprise
 * with hundreds of items opens its page without hundreds of evaluations each time.
 */
@Component
public class MatchExplanations {

    private static final int ENTERPRISES_KEPT = 20_000;

    /** One enterprise's explanations for one state of its data on one day. */
    private record Entry(int dataHash, LocalDate day, Map<String, Calculator.Result> byItemVersion) {
    }

    private final PolicyCalculator calculator;
    private final Map<String, Entry> cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > ENTERPRISES_KEPT;
        }
    });

    MatchExplanations(PolicyCalculator calculator) {
        this.calculator = calculator;
    }

    public Calculator.Result explain(String uscc, Map<String, Object> data, PolicyItem item) {
        LocalDate today = Today.date();
        int hash = data.hashCode();
        Entry entry = cache.get(uscc);
        if (entry == null || entry.dataHash() != hash || !entry.day().equals(today)) {
            entry = new Entry(hash, today, new ConcurrentHashMap<>());
            cache.put(uscc, entry);
        }
        return entry.byItemVersion().computeIfAbsent(item.code() + "@" + item.version(),
                k -> calculator.calculate(item.code(), data, today));
    }
}
