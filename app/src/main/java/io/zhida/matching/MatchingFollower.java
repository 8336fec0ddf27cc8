package io.zhida.matching;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItemAbolished;
import io.zhida.catalog.PolicyItemPublished;
import io.zhida.enterprise.AttributeDeclared;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.enterprise.EnterprisesChanged;
import io.zhida.matching.internal.LocalIndex;
import io.zhida.matching.internal.MatchSetRows;
import io.zhida.matching.internal.StoredMatches;
import io.zhida.matching.internal.Subjects;
import io.zhida.platform.RemoteChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What another node changed, followed here within a second: its index edits (an item published or
 * abolished, enterprises changed, a new attribute) go into this node's index, and what it stored (sets,
 * deltas) is read back into this node's copy of the results. Nothing is stored from here.
 */
@Component
class MatchingFollower {

    private final LocalIndex local;
    private final StoredMatches stored;
    private final MatchSetRows rows;
    private final Subjects subjects;
    private final PolicyCatalog catalog;
    private final EnterpriseProfiles profiles;

    MatchingFollower(LocalIndex local, StoredMatches stored, MatchSetRows rows, Subjects subjects, PolicyCatalog catalog,
                     EnterpriseProfiles profiles) {
        this.local = local;
        this.stored = stored;
        this.rows = rows;
        this.subjects = subjects;
        this.catalog = catalog;
        this.profiles = profiles;
    }

    @EventListener
    void on(RemoteChange change) {
        if (local.index().isEmpty()) {
            return; // still starting: the start-up build reads everything anyway
        }
        change.as(PolicyItemPublished.class).flatMap(p -> catalog.onlineItem(p.code()))
                .ifPresent(item -> local.putItem(item.code(), item.content().matchingCondition()));
        change.as(PolicyItemAbolished.class).ifPresent(a -> {
            local.removeItem(a.code());
            stored.removeItem(a.code());
        });
        change.as(AttributeDeclared.class).ifPresent(a -> local.rebuild());
        change.as(EnterprisesChanged.class).ifPresent(c -> {
            if (c.everything()) {
                local.rebuild();
            } else {
                subjects.learn(c.usccs());
                profiles.findAll(c.usccs()).forEach(local::update);
            }
        });
        change.as(MatchSetsStored.class).ifPresent(s -> {
            if (s.all()) {
                stored.load(rows.allSets(), rows.allDeltas());
            } else {
                stored.putItems(rows.sets(s.items()));
            }
        });
        change.as(MatchDeltasStored.class).ifPresent(d -> {
            subjects.learn(d.usccs());
            stored.replaceDeltas(d.ordinals(), rows.deltasOf(d.ordinals()));
        });
    }
}
