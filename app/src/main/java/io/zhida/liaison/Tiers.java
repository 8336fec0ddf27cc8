package io.zhida.liaison;

import io.zhida.enterprise.EnterprisesChanged;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.People;
import io.zhida.identity.ZhidaUser;
import io.zhida.liaison.internal.LiaisonRows;
import io.zhida.matching.RuleReach;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.Validation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three levels: each tier is the enterprises its rule holds for (the largest N by an attribute, where it says so), in
 * priority order, an enterprise in the first tier that takes it. Recomputed when a rule changes, and after enterprise data
 * changed (at most every ten minutes); an enterprise that stays in its tier keeps its official.
 */
@Service
public class Tiers {

    private static final Logger log = LoggerFactory.getLogger(Tiers.class);

    private final LiaisonRows rows;
    private final RuleReach reach;
    private final People people;
    private final AuditLog audit;
    private final AtomicBoolean dataChanged = new AtomicBoolean();

    Tiers(LiaisonRows rows, RuleReach reach, People people, AuditLog audit) {
        this.rows = rows;
        this.reach = reach;
        this.people = people;
        this.audit = audit;
    }

    public List<Liaison.Tier> list() {
        return rows.tiers();
    }

    @Transactional
    public void update(ZhidaUser user, String code, String condition, String rankBy, Integer topN) {
        AccessPolicy.EVALUATION_WORK.require(user);
        new Validation().requireText(condition, "condition", "划分规则", 2000)
                .require(rankBy == null || rankBy.isBlank() || rankBy.strip().matches("[a-z_]{1,60}"), "rankBy", "排序指标应为企业数据标准中的字段名")
                .require(topN == null || (topN >= 1 && topN <= 100_000), "topN", "名额应为 1–100000")
                .require((rankBy == null || rankBy.isBlank()) == (topN == null), "topN", "排序指标和名额须同时填写或同时不填").throwIfInvalid();
        reach.check(condition.strip(), "condition");
        if (rows.updateTier(code, condition.strip(), rankBy == null || rankBy.isBlank() ? null : rankBy.strip(), topN, user.getUsername()) == 0) {
            throw new InvalidInputException("code", "没有这一级帮包");
        }
        audit.record("liaison.tier", "liaison_tier", code, "修改帮包划分规则", null, condition.strip());
        recompute();
    }

    /** @return how many enterprises each tier holds now */
    @Transactional
    public Map<String, Integer> recompute() {
        Set<String> taken = new HashSet<>();
        Map<String, List<String>> byTier = new LinkedHashMap<>();
        for (Liaison.Tier tier : rows.tiers()) {
            List<RuleReach.Reached> reached = new ArrayList<>(reach.reach(tier.condition()));
            if (tier.rankBy() != null) {
                reached.sort(Comparator.comparing((RuleReach.Reached r) -> number(r.values().get(tier.rankBy()))).reversed());
            }
            List<String> members = new ArrayList<>();
            for (RuleReach.Reached r : reached) {
                if (tier.topN() != null && members.size() >= tier.topN()) {
                    break;
                }
                if (taken.add(r.uscc())) {
                    members.add(r.uscc());
                }
            }
            byTier.put(tier.code(), members);
        }
        rows.replaceMembers(byTier);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        byTier.forEach((tier, members) -> sizes.put(tier, members.size()));
        log.info("帮包 tiers recomputed: {}", sizes);
        return sizes;
    }

    @ApplicationModuleListener
    void on(EnterprisesChanged changed) {
        dataChanged.set(true);
    }

    @Scheduled(fixedDelayString = "${zhida.liaison.recompute-every:PT10M}", initialDelayString = "${zhida.liaison.recompute-every:PT10M}")
    @SchedulerLock(name = "liaison-tiers", lockAtMostFor = "PT10M")
    public void recomputeIfDataChanged() {
        if (dataChanged.getAndSet(false)) {
            try {
                recompute();
            } catch (InvalidInputException e) {
                dataChanged.set(true); // the index is being built: next time
            }
        }
    }

    @Transactional
    public void assign(ZhidaUser user, String uscc, String official) {
        AccessPolicy.EVALUATION_WORK.require(user);
        if (official == null || !people.isStaff(official.strip())) {
            throw new InvalidInputException("official", "请选择帮包联系人（工作人员账号）");
        }
        if (rows.assign(uscc, official.strip(), user.getUsername()) == 0) {
            throw new InvalidInputException("uscc", "该企业不在帮包名单中");
        }
    }

    /** Gives the tier's unassigned enterprises to the officials named, in turn, each within its county (city-level ones anywhere). */
    @Transactional
    public int assignInTurn(ZhidaUser user, String tier, List<String> officials) {
        AccessPolicy.EVALUATION_WORK.require(user);
        List<String> names = officials == null ? List.of() : officials.stream().map(String::strip).filter(o -> !o.isEmpty()).distinct().toList();
        if (names.isEmpty() || names.size() > 200 || !names.stream().allMatch(people::isStaff)) {
            throw new InvalidInputException("officials", "请填写 1–200 个工作人员账号，用逗号分隔");
        }
        // a county's official looks after enterprises of that county; a city-level official after any
        int given = rows.assignInTurn(tier, names, names.stream().map(n -> people.county(n).orElse(null)).toList(), user.getUsername());
        audit.record("liaison.assign", "liaison_tier", tier, "轮流分配帮包企业 " + given + " 家", null, names);
        return given;
    }

    public Listing<Liaison.Member> members(String tier, String official, Boolean assigned) {
        return rows.members(tier, official, assigned);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NEGATIVE_INFINITY;
    }
}
