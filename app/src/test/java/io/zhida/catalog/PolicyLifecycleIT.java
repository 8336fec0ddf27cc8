package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhida.support.ZhidaIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import io.zhida.platform.InvalidInputException;

/** The library's lifecycle: draft → review → published → revised → abolished, audited, four eyes. */
@ZhidaIntegrationTest
class PolicyLifecycleIT {

    private static final List<Integer> ALL_CHECKED = IntStream.range(0, PolicyAuthoring.CHECKLIST.size()).boxed().toList();

    @Autowired
    PolicyAuthoring authoring;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.zhida.identity.internal.UserRows users;

    private void actAs(String username) {
        var user = users.principal(username).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static ItemContent item(String code, String condition, String formula) {
        return new ItemContent(code, "测试事项 " + code, "示政发〔2026〕5号", "第一条", List.of("C-JXJ"), HandlingMode.INSTANT,
                "制造业企业", "制造业企业", condition, List.of(new ItemContent.Material("营业执照", true, null)), "资金奖励",
                formula, new BigDecimal("100000.00"), 10, null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                List.of("工业经济"), List.of("C"), List.of(), "0816-1", "依据", "解读", List.of(), "市级财政", null, null, null);
    }

    @Test
    void theDemoLibraryIsLoadedPublishedAndSpansTheFourModes() {
        List<PolicyItem> online = catalog.onlineItems();
        assertThat(online.size()).isGreaterThanOrEqualTo(40);
        Map<HandlingMode, Long> byMode = online.stream().collect(Collectors.groupingBy(i -> i.content().mode(), Collectors.counting()));
        assertThat(byMode.keySet()).containsExactlyInAnyOrder(HandlingMode.values());
        assertThat(online.stream().flatMap(i -> i.content().departments().stream()).distinct().count()).isGreaterThan(8);
        assertThat(catalog.onlineItem("WG-001")).isPresent();
    }

    @Test
    void anItemGoesThroughReviewWithFourEyesAndEveryStepIsAudited() {
        actAs("author");
        authoring.saveDraft(item("T-LIFE-1", "e.revenue >= 1000000", "e.revenue * 0.01"));
        assertThat(catalog.onlineItem("T-LIFE-1")).isEmpty();
        authoring.submitForReview("T-LIFE-1");
        assertThatThrownBy(() -> authoring.saveDraft(item("T-LIFE-1", "true", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("审查中");
        assertThatThrownBy(() -> authoring.approve("T-LIFE-1", ALL_CHECKED, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("编制人");

        actAs("reviewer");
        assertThatThrownBy(() -> authoring.approve("T-LIFE-1", List.of(0, 1), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("审查要点");
        assertThatThrownBy(() -> authoring.returnForChanges("T-LIFE-1", " "))
                .isInstanceOf(InvalidInputException.class);
        authoring.returnForChanges("T-LIFE-1", "条件与原文不一致：原文为营业收入500万元以上");

        actAs("author");
        authoring.saveDraft(item("T-LIFE-1", "e.revenue >= 5000000", "e.revenue * 0.01"));
        authoring.submitForReview("T-LIFE-1");
        actAs("reviewer");
        PolicyItem published = authoring.approve("T-LIFE-1", ALL_CHECKED, "已核对");
        assertThat(published.version()).isEqualTo(1);
        assertThat(catalog.onlineItem("T-LIFE-1")).get().extracting(i -> i.content().condition()).isEqualTo("e.revenue >= 5000000");

        List<String> actions = jdbc.sql("SELECT action || ':' || actor FROM audit_log WHERE subject_id LIKE 'T-LIFE-1%' ORDER BY id")
                .query(String.class).list();
        assertThat(actions).containsExactly("policy.item.create:author", "policy.item.submit:author", "policy.item.return:reviewer",
                "policy.item.edit:author", "policy.item.submit:author", "policy.item.publish:reviewer");
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRevisionIsANewVersionWhileTheOldOneStaysOnlineAndAbolishingTakesItOffline() {
        actAs("author");
        authoring.saveDraft(item("T-REV-1", "e.employees >= 10", null));
        authoring.submitForReview("T-REV-1");
        actAs("reviewer");
        authoring.approve("T-REV-1", ALL_CHECKED, null);

        actAs("author");
        assertThatThrownBy(() -> authoring.saveDraft(item("T-REV-1", "e.employees >= 20", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("修订");
        assertThat(authoring.revise("T-REV-1").version()).isEqualTo(2);
        authoring.saveDraft(item("T-REV-1", "e.employees >= 20", null));
        assertThat(catalog.onlineItem("T-REV-1")).get().extracting(PolicyItem::version).isEqualTo(1);
        authoring.submitForReview("T-REV-1");
        actAs("reviewer");
        authoring.approve("T-REV-1", ALL_CHECKED, null);
        assertThat(catalog.onlineItem("T-REV-1")).get().extracting(i -> i.content().condition()).isEqualTo("e.employees >= 20");
        assertThat(catalog.version("T-REV-1", 1)).get().extracting(PolicyItem::state).isEqualTo(PolicyItem.State.SUPERSEDED);
        assertThat(catalog.version("T-REV-1", 1)).get().extracting(i -> i.content().condition()).isEqualTo("e.employees >= 10");

        actAs("head");
        authoring.abolish("T-REV-1", "政策到期废止");
        assertThat(catalog.onlineItem("T-REV-1")).isEmpty();
        assertThat(catalog.published("T-REV-1").orElseThrow().statusLabel(LocalDate.of(2026, 6, 1))).isEqualTo("已废止");
        SecurityContextHolder.clearContext();
    }

    @Test
    void onlyItemsInsideTheirValidityPeriodAreOnline() {
        PolicyItem item = catalog.onlineItems().get(0);
        assertThat(item.isOnline(LocalDate.of(2026, 6, 1))).isTrue();
        assertThat(item.isOnline(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(item.isOnline(LocalDate.of(2028, 1, 1))).isFalse();
        assertThat(item.statusLabel(LocalDate.of(2028, 1, 1))).isEqualTo("已过期");
    }

    @Test
    void invalidRulesAreRefusedWithTheirPosition() {
        actAs("author");
        assertThatThrownBy(() -> authoring.saveDraft(item("T-BAD-1", "e.revenue >= 1\n&& e.revnue > 2", "e.name")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("condition", "amount"))
                .hasMessageContaining("第2行");
        assertThat(jdbc.sql("SELECT count(*) FROM policy_item WHERE code = 'T-BAD-1'").query(Long.class).single()).isZero();
        SecurityContextHolder.clearContext();
    }
}
