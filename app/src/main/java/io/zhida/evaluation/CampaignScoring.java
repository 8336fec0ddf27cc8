package io.zhida.evaluation;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.evaluation.internal.CampaignRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Unit;
import io.zhida.platform.Ranks;
import io.zhida.platform.Today;
import io.zhida.rates.PlatformMeasures;
import io.zhida.rates.Rate;
import io.zhida.rates.RateRow;
import io.zhida.rates.ThreeRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三评 scoring: every leaf of the scheme scored for every county and department from its source (self-evaluation,
 * surveys, third-party checks, the three rates and the platform's measures), weighed into a total out of 100 over the
 * leaves that have data, ranked, and the weak leaves listed as the unit's problems. {@link Campaigns} runs it.
 */
@Service
public class CampaignScoring {

    private final CampaignRows rows;
    private final Indicators indicators;
    private final ThreeRates rates;
    private final PlatformMeasures measures;
    private final PolicyCatalog catalog;
    private final Organisations organisations;
    private final AuditLog audit;

    CampaignScoring(CampaignRows rows, Indicators indicators, ThreeRates rates, PlatformMeasures measures, PolicyCatalog catalog,
                    Organisations organisations, AuditLog audit) {
        this.rows = rows;
        this.indicators = indicators;
        this.rates = rates;
        this.measures = measures;
        this.catalog = catalog;
        this.organisations = organisations;
        this.audit = audit;
    }

    /**
     * A unit takes part in the ranking only when indicators carrying at least half of the scheme's weight have data for
     * it: the total is re-weighted over the indicators with data, and a few good figures must not outrank a full account.
     */
    static final BigDecimal MIN_COVERAGE = new BigDecimal("0.5");

    /** A unit's weighted total in a campaign, before ranking. */
    private record UnitTotal(String code, BigDecimal total) {
    }

    @Transactional
    public List<Campaign.Result> score(Campaign c) {
        long campaignId = c.id();
        Map<Indicator, BigDecimal> leaves = indicators.leaves(c.schemeId());
        Map<String, Map<Long, BigDecimal>> scores = leafScores(c, leaves.keySet());
        rows.clearScores(campaignId);
        for (String kind : List.of("COUNTY", "DEPARTMENT")) {
            List<UnitTotal> totals = new ArrayList<>();
            List<UnitTotal> withoutEnoughData = new ArrayList<>();
            Map<String, Integer> missing = new LinkedHashMap<>();
            BigDecimal allWeights = leaves.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            for (String code : kind.equals("COUNTY") ? c.counties() : c.departments()) {
                Map<Long, BigDecimal> s = scores.getOrDefault(Unit.key(kind, code), Map.of());
                BigDecimal weighted = BigDecimal.ZERO;
                BigDecimal weights = BigDecimal.ZERO;
                int miss = 0;
                for (var leaf : leaves.entrySet()) {
                    BigDecimal v = s.get(leaf.getKey().id());
                    rows.score(campaignId, kind, code, leaf.getKey().id(), v);
                    if (v == null) {
                        miss++;
                    } else {
                        weighted = weighted.add(v.multiply(leaf.getValue()));
                        weights = weights.add(leaf.getValue());
                    }
                }
                BigDecimal total = weights.signum() == 0 ? BigDecimal.ZERO : weighted.divide(weights, 2, RoundingMode.HALF_UP);
                (covered(weights, allWeights) ? totals : withoutEnoughData).add(new UnitTotal(code, total));
                missing.put(code, miss);
            }
            for (Ranks.Ranked<UnitTotal> r : Ranks.of(totals, UnitTotal::total, UnitTotal::code)) {
                rows.result(campaignId, kind, r.item().code(), r.item().total(), r.rank(), missing.get(r.item().code()));
            }
            for (Ranks.Ranked<UnitTotal> r : Ranks.of(withoutEnoughData, UnitTotal::total, UnitTotal::code)) { // after every ranked unit
                rows.result(campaignId, kind, r.item().code(), r.item().total(), totals.size() + r.rank(), missing.get(r.item().code()));
            }
        }
        rows.markScored(campaignId);
        audit.record("campaign.score", "eval_campaign", String.valueOf(campaignId), "三评计分排名", null, null);
        return results(c);
    }

    /** "KIND:code" → leaf id → score 0–100 (absent = nothing to score it with). */
    private Map<String, Map<Long, BigDecimal>> leafScores(Campaign c, Set<Indicator> leaves) {
        Instant from = c.periodFrom().atStartOfDay(Today.ZONE).toInstant();
        Instant to = c.periodTo().plusDays(1).atStartOfDay(Today.ZONE).toInstant();
        Set<String> items = c.items().isEmpty() ? null : new HashSet<>(c.items());
        Map<String, List<String>> departmentsOfItem = new LinkedHashMap<>();
        catalog.workingView().forEach(i -> departmentsOfItem.putIfAbsent(i.code(), i.content().departments()));
        Map<String, RateRow> three = new LinkedHashMap<>();
        rates.rates(c.periodFrom(), c.periodTo(), ThreeRates.GroupBy.REGION, items).forEach(r -> three.put(Unit.county(r.key()).key(), r));
        rates.rates(c.periodFrom(), c.periodTo(), ThreeRates.GroupBy.DEPARTMENT, items).forEach(r -> three.put(Unit.department(r.key()).key(), r));
        Map<String, Map<String, Rate>> platform = Map.of("ON_TIME", measures.onTime(from, to),
                "NO_APPLICATION", measures.noApplicationShare(from, to, departmentsOfItem), "APPEALS", measures.appealsOnTime(from, to),
                "RECTIFICATION", measures.rectification(from, to));
        Map<String, long[]> survey = new LinkedHashMap<>();
        for (CampaignRows.SurveyCell cell : rows.surveyCells(c.id())) {
            List<String> units = new ArrayList<>();
            if (cell.region() != null) {
                units.add(Unit.county(cell.region()).key());
            }
            if (cell.item() != null) {
                departmentsOfItem.getOrDefault(cell.item(), List.of()).forEach(d -> units.add(Unit.department(d).key()));
            }
            for (String u : units) {
                long[] acc = survey.computeIfAbsent(u + "|" + cell.measure(), k -> new long[2]);
                acc[0] += cell.numerator();
                acc[1] += cell.denominator();
            }
        }
        Map<String, List<BigDecimal>> third = new LinkedHashMap<>();
        rows.thirdParties(c.id()).forEach(t -> third.computeIfAbsent(Unit.key(t.kind(), t.code()) + "|" + t.indicator(), k -> new ArrayList<>()).add(t.score()));
        Map<String, Map<Long, BigDecimal>> result = new LinkedHashMap<>();
        List<String> units = new ArrayList<>();
        c.counties().forEach(x -> units.add(Unit.county(x).key()));
        c.departments().forEach(x -> units.add(Unit.department(x).key()));
        for (String unit : units) {
            Map<Long, BigDecimal> s = new LinkedHashMap<>();
            Unit u = Unit.parse(unit).orElseThrow();
            Map<Long, CampaignRows.SelfAnswer> self = u.kind() == Unit.Kind.DEPARTMENT ? rows.selfAnswers(c.id(), u.code()) : Map.of();
            for (Indicator leaf : leaves) {
                BigDecimal v = switch (leaf.source() == null ? Indicator.Source.SELF : leaf.source()) {
                    case PLATFORM -> platformScore(leaf.sourceRef(), three.get(unit), platform, unit);
                    case SELF -> self.containsKey(leaf.id()) ? self.get(leaf.id()).score() : null;
                    case SURVEY -> surveyScore(survey.get(unit + "|" + leaf.sourceRef()), leaf.sourceRef());
                    case THIRD_PARTY -> average(third.get(unit + "|" + leaf.id()));
                };
                if (v != null) {
                    s.put(leaf.id(), v);
                }
            }
            result.put(unit, s);
        }
        return result;
    }

    private static BigDecimal platformScore(String ref, RateRow three, Map<String, Map<String, Rate>> platform, String unit) {
        if (ref == null) {
            return null;
        }
        return switch (ref) {
            case "AWARENESS" -> three == null ? null : three.awareness().score();
            case "SATISFACTION" -> three == null ? null : three.satisfaction().score();
            case "FULFILLMENT" -> three == null ? null : three.fulfillment().score();
            case "AMOUNT" -> three == null || three.amountRate() == null ? null : three.amountRate().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
            default -> platform.containsKey(ref) ? platform.get(ref).getOrDefault(unit, Rate.NONE).score() : null;
        };
    }

    private static BigDecimal surveyScore(long[] acc, String measure) {
        if (acc == null || acc[1] == 0) {
            return null;
        }
        return "AWARENESS".equals(measure) ? new Rate(acc[0], acc[1]).score()
                : BigDecimal.valueOf(acc[0] * 20).divide(BigDecimal.valueOf(acc[1]), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(List<BigDecimal> values) {
        return values == null || values.isEmpty() ? null
                : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static boolean covered(BigDecimal withData, BigDecimal all) {
        return all.signum() > 0 && withData.compareTo(all.multiply(MIN_COVERAGE)) >= 0;
    }

    /** Ranked results with subtotals per first-level indicator (points contributed out of the total). */
    public List<Campaign.Result> results(Campaign c) {
        long campaignId = c.id();
        Map<Indicator, BigDecimal> leaves = indicators.leaves(c.schemeId());
        BigDecimal allWeights = leaves.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Long, Indicator> roots = rootsOfLeaves(c.schemeId());
        Map<String, Map<Long, BigDecimal>> scores = rows.scores(campaignId);
        Map<String, String> names = organisations.unitNames();
        List<Campaign.Result> results = new ArrayList<>();
        for (CampaignRows.Stored r : rows.results(campaignId)) {
            Map<Long, BigDecimal> s = scores.getOrDefault(Unit.key(r.kind(), r.code()), Map.of());
            BigDecimal weights = leaves.entrySet().stream().filter(e -> s.get(e.getKey().id()) != null).map(Map.Entry::getValue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, BigDecimal> subtotals = new LinkedHashMap<>();
            for (var leaf : leaves.entrySet()) {
                BigDecimal v = s.get(leaf.getKey().id());
                String root = roots.get(leaf.getKey().id()).name();
                subtotals.merge(root, v == null || weights.signum() == 0 ? BigDecimal.ZERO
                        : v.multiply(leaf.getValue()).divide(weights, 2, RoundingMode.HALF_UP), BigDecimal::add);
            }
            results.add(new Campaign.Result(r.kind(), r.code(), names.getOrDefault(Unit.key(r.kind(), r.code()), r.code()), r.total(), r.rank(),
                    r.missing(), subtotals, covered(weights, allWeights)));
        }
        return results;
    }

    /** Every leaf score of one target, in scheme order. */
    public List<Campaign.LeafScore> leafScores(Campaign c, String kind, String code) {
        long campaignId = c.id();
        Map<Long, BigDecimal> s = rows.scores(campaignId).getOrDefault(Unit.key(kind, code), Map.of());
        List<Campaign.LeafScore> list = new ArrayList<>();
        indicators.leaves(c.schemeId()).forEach((leaf, w) -> list.add(new Campaign.LeafScore(kind, code, leaf.id(), leaf.code(), leaf.name(),
                leaf.source() == null ? "" : leaf.source().label(), w.setScale(2, RoundingMode.HALF_UP), s.get(leaf.id()))));
        return list;
    }

    /** 问题清单: leaves below the campaign's problem line, per unit. */
    public List<Campaign.LeafScore> problems(Campaign c, String kind, String code) {
        BigDecimal line = c.problemThreshold();
        return leafScores(c, kind, code).stream().filter(l -> l.score() != null && l.score().compareTo(line) < 0).toList();
    }

    private Map<Long, Indicator> rootsOfLeaves(long scheme) {
        Map<Long, Indicator> roots = new LinkedHashMap<>();
        for (Indicator root : indicators.tree(scheme)) {
            mark(root, root, roots);
        }
        return roots;
    }

    private static void mark(Indicator root, Indicator node, Map<Long, Indicator> roots) {
        if (node.leaf()) {
            roots.put(node.id(), root);
        }
        node.children().forEach(ch -> mark(root, ch, roots));
    }
}
