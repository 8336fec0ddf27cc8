package io.zhida.assistance;

import io.zhida.assistance.internal.RequestRows;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.engine.rule.Outcome;
import io.zhida.identity.People;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.matching.MatchRow;
import io.zhida.matching.MatchingService;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import java.util.List;
import org.springframework.stereotype.Service;

/** What the centre and the 专员 look at: the requests of their county, each 专员's workload, time and ratings, whom to offer help. */
@Service
public class AssistanceCentre {

    private final RequestRows rows;
    private final People people;
    private final PolicyCatalog catalog;
    private final MatchingService matching;

    AssistanceCentre(RequestRows rows, People people, PolicyCatalog catalog, MatchingService matching) {
        this.rows = rows;
        this.people = people;
        this.catalog = catalog;
        this.matching = matching;
    }

    /** The requests the person may see at the centre: a county's centre its county, city level all. */
    public Listing<AssistanceRequest> requests(ZhidaUser user, AssistanceRequest.Status status) {
        return rows.forCentre(status == null ? null : status.name(), user.seesWholeCity() ? null : user.regionCode());
    }

    public List<AssistanceRequest.AgentLoad> loads(ZhidaUser user) {
        return rows.loads(user.seesWholeCity() ? null : user.regionCode());
    }

    /** The 专员 who can be given a request, with how much each has open, least loaded first. */
    public List<People.Person> agents() {
        return people.withRole(Role.AGENT);
    }

    public List<PolicyItem> onlineItems() {
        return catalog.onlineItems();
    }

    /** 政策找企业 for a 专员: the enterprises eligible for the item that have not applied, to offer help to. */
    public List<MatchRow> eligible(String itemCode, int offset, int limit) {
        if (itemCode == null || catalog.onlineItem(itemCode.strip()).isEmpty()) {
            throw new InvalidInputException("item", "请选择在线的政策事项");
        }
        return matching.forItem(itemCode.strip(), Outcome.ELIGIBLE, null, Math.max(0, offset), Math.min(Math.max(1, limit), 100));
    }

    public long eligibleCount(String itemCode) {
        return matching.countForItem(itemCode.strip(), Outcome.ELIGIBLE, null);
    }
}
