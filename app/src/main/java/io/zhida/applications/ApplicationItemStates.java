package io.zhida.applications;

import io.zhida.applications.internal.ApplicationRows;
import io.zhida.matching.ItemStates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Each item's latest 申报 of the enterprise in the current year, as 我的政策 shows it. */
@Component
class ApplicationItemStates implements ItemStates {

    private final ApplicationRows rows;
    private final Clock clock;

    ApplicationItemStates(ApplicationRows rows, Clock clock) {
        this.clock = clock;
        this.rows = rows;
    }

    @Override
    public Map<String, State> of(String uscc) {
        String year = String.valueOf(LocalDate.now(clock).getYear());
        Map<String, State> states = new HashMap<>();
        for (Application a : rows.forEnterprise(uscc)) { // newest first: the first per item is the latest
            if (year.equals(a.period()) && !states.containsKey(a.itemCode())) {
                states.put(a.itemCode(), state(a));
            }
        }
        return states;
    }

    private static State state(Application a) {
        String href = "/applications/" + a.id();
        return switch (a.status()) {
            case PAID -> new State("本年度已享受", "查看", href, false);
            case RETURNED -> new State("待补正", "去补正", href, false);
            case REJECTED, REFUSED -> new State(a.status().label() + "，可重新申报", "查看原因", href, true);
            case WITHDRAWN -> new State("已撤回，可重新申报", "查看申报", href, true);
            default -> new State(a.status().label(), "查看进度", href, false);
        };
    }
}
