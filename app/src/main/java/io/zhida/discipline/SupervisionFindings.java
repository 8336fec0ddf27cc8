package io.zhida.discipline;

import io.zhida.discipline.internal.FindingQueries;
import io.zhida.platform.Listing;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The read-only supervision view: each kind of finding across the city, from the other modules' published views. */
@Service
public class SupervisionFindings {

    /** "Again and again": at least this many late steps in the period. */
    public static final int REPEATED = 3;
    /** The period of the lateness by unit. */
    public static final Duration PERIOD = Duration.ofDays(90);

    private final FindingQueries queries;
    private final Clock clock;

    SupervisionFindings(FindingQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public Listing<Finding.Overdue> overdue() {
        return queries.overdue(clock.instant());
    }

    public List<Finding.UnitLateness> lateUnits() {
        return queries.lateUnits(clock.instant().minus(PERIOD), clock.instant(), REPEATED);
    }

    public Listing<Finding.DishonestGrant> dishonestGrants() {
        return queries.dishonestGrants();
    }

    public Listing<Finding.ChangedAmount> changedAmounts() {
        return queries.changedAmounts();
    }

    public Listing<Finding.SelfApproval> selfApprovals() {
        return queries.selfApprovals();
    }

    public Listing<Finding.Objection> objections() {
        return queries.objections();
    }

    /** How many of each kind, for the tabs. */
    public Map<Finding.Kind, Long> counts() {
        return Map.of(Finding.Kind.OVERDUE, overdue().count(), Finding.Kind.LATE_UNIT, (long) lateUnits().size(),
                Finding.Kind.DISHONEST_GRANT, dishonestGrants().count(), Finding.Kind.AMOUNT_CHANGED, changedAmounts().count(),
                Finding.Kind.SELF_APPROVAL, selfApprovals().count(), Finding.Kind.OBJECTION, objections().count());
    }
}
