package io.zhida.backtoback;

import io.zhida.applications.Applications;
import io.zhida.backtoback.internal.BackToBackRows;
import io.zhida.identity.Organisations;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 码上评 (real-time evaluation): the QR code at a window or department opens a rating of that unit.
 * Against ballot stuffing: a rating names a real transaction (办件编号, once per unit), or comes from a
 * signed-in person (once per unit per day); the database enforces both.
 */
@Service
public class UnitRatings {

    public static final List<String> ASPECTS = List.of("办事效率", "工作作风", "服务态度", "履责效果", "依法办事", "信息公开");

    private final BackToBackRows rows;
    private final Organisations organisations;
    private final Applications applications;
    private final Clock clock;

    UnitRatings(BackToBackRows rows, Organisations organisations, Applications applications, Clock clock) {
        this.clock = clock;
        this.rows = rows;
        this.organisations = organisations;
        this.applications = applications;
    }

    public String unitName(String kind, String code) {
        boolean known = ("COUNTY".equals(kind) || "DEPARTMENT".equals(kind)) && !organisations.unitName(kind, code).equals(code);
        if (!known) {
            throw new NotFoundException("没有这个评价对象");
        }
        return organisations.unitName(kind, code);
    }

    @Transactional
    public void rate(String kind, String code, Integer stars, List<String> aspects, String comment, String transaction, ZhidaUser user) {
        unitName(kind, code);
        String tx = transaction == null || transaction.isBlank() ? null : transaction.trim();
        new Validation()
                .require(stars != null && stars >= 1 && stars <= 5, "stars", "请选择 1–5 星")
                .require(aspects == null || ASPECTS.containsAll(aspects), "aspects", "评价方面无效")
                .require(comment == null || comment.length() <= 500, "comment", "意见不能超过 500 字")
                .require(tx != null || user != null, "transaction", "请填写办件编号，或登录后评价（每人每天对同一单位评价一次）")
                .require(tx == null || applications.exists(tx), "transaction", "办件编号不存在，请核对回执上的编号")
                .throwIfInvalid();
        String person = tx == null ? user.getUsername() : null;
        if (!rows.insertUnitRating(kind, code, stars, aspects == null ? List.of() : aspects, comment, tx, person, LocalDate.now(clock))) {
            throw new InvalidInputException("transaction", tx != null ? "这笔办件已经评价过该单位（一事一评）" : "您今天已经评价过该单位（每人每天一次）");
        }
    }
}
