package io.zhida.backtoback;

import io.zhida.backtoback.internal.BackToBackRows;
import io.zhida.identity.Organisations;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One kind of unit (counties or departments) of a 背靠背 round scored: 80/20 points, ranks, the consequences
 * across rounds, and a ledger problem for each unit the rules put on notice. Units nobody evaluated are
 * recorded with no rank.
 */
@Component
class RoundUnitRanking {

    private final BackToBackRows rows;
    private final Organisations organisations;
    private final Ledger ledger;

    RoundUnitRanking(BackToBackRows rows, Organisations organisations, Ledger ledger) {
        this.rows = rows;
        this.organisations = organisations;
        this.ledger = ledger;
    }

    /** @param concentrated and {@code realtime}: unit key → {sum of answers, number of answers} */
    void rankUnits(BackToBackRound round, String kind, List<BackToBack.Target> targets, Map<String, long[]> concentrated,
                   Map<String, long[]> realtime, Consequences.Rules rules, String actor) {
        List<RoundRanking> scores = new ArrayList<>();
        for (BackToBack.Target t : targets) {
            if (!t.kind().equals(kind)) {
                continue;
            }
            long[] c = concentrated.getOrDefault(t.key(), new long[2]);
            long[] r = realtime.getOrDefault(t.key(), new long[2]);
            BigDecimal cp = RoundRanking.points(c[0], c[1]);
            BigDecimal rp = RoundRanking.points(r[0], r[1]);
            RoundRanking score = new RoundRanking(kind, t.code(), cp, rp, RoundRanking.weighted(cp, rp, rules.concentratedWeight()), 0,
                    (int) c[1], (int) r[1]);
            if (c[1] == 0 && r[1] == 0) {
                rows.insertResult(round.id(), score, null, BigDecimal.ZERO); // rank 0: no data, not ranked
            } else {
                scores.add(score);
            }
        }
        List<RoundRanking> ranked = RoundRanking.rank(scores);
        Map<String, List<Consequences.Place>> places = rows.earlierPlaces(kind, round.periodTo().plusDays(1));
        places.values().forEach(p -> p.removeIf(x -> x.round() == round.id()));
        int year = round.periodTo().getYear();
        for (RoundRanking r : ranked) {
            List<Consequences.Place> mine = new ArrayList<>(places.getOrDefault(r.code(), List.of()));
            int worst = (int) ranked.stream().filter(x -> x.total().compareTo(r.total()) >= 0).count();
            mine.add(new Consequences.Place(round.id(), year, r.rank(), worst, ranked.size()));
            Consequences.Outcome outcome = Consequences.of(kind, mine, rules);
            rows.insertResult(round.id(), r, outcome.consequence() == null ? null : outcome.consequence().name(), outcome.points());
            if (outcome.consequence() != null) {
                String unit = organisations.unitName(kind, r.code());
                ledger.open(new Problem.New(Problem.Category.BACK_TO_BACK, "B2B-" + round.id() + "-" + kind + "-" + r.code(),
                        round.name() + "排名末位：" + unit + "（" + outcome.consequence().label() + "）",
                        unit + "在" + round.name() + "中得分 " + r.total() + "，排名第 " + r.rank() + "/" + ranked.size()
                                + "；连续末位 " + outcome.consecutiveLast() + " 次，按规定" + outcome.consequence().label() + "。",
                        kind, r.code(), List.of(), null, "下一轮评价退出末位", null, 20), actor);
            }
        }
    }
}
