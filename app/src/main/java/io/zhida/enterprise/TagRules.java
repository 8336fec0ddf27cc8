package io.zhida.enterprise;

import io.zhida.engine.rule.Condition;
import io.zhida.engine.rule.DerivedAttributes;
import io.zhida.engine.rule.EnterpriseValues;
import io.zhida.engine.rule.Outcome;
import io.zhida.engine.rule.RuleCompilationException;
import io.zhida.enterprise.internal.EnterpriseRows;
import io.zhida.enterprise.internal.TagRuleRows;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags written as CEL rules (规上工业企业 = industry B–D and revenue ≥ 20 million, …). An enterprise's
 * tags are its manual tags plus every tag whose rule holds for it; they are recomputed whenever its
 * data or a rule changes. A rule may not read {@code e.tags}, so tags never depend on each other.
 */
@Service
public class TagRules {

    public record TagRule(String tag, String condition, String description, String updatedBy, Instant updatedAt) {
    }

    private final TagRuleRows rows;
    private final EnterpriseRows enterprises;
    private final AttributeCatalog attributes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TagRules(TagRuleRows rows, EnterpriseRows enterprises, AttributeCatalog attributes, AuditLog audit,
             ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.rows = rows;
        this.enterprises = enterprises;
        this.attributes = attributes;
        this.audit = audit;
        this.events = events;
    }

    public List<TagRule> all() {
        return rows.all();
    }

    /** Creates or replaces a rule (administrators), then retags everyone and tells matching who changed. */
    @Transactional
    public List<String> save(String tag, String condition, String description, ZhidaUser user) {
        AccessPolicy.ADMINISTRATION.require(user);
        String name = tag == null ? "" : tag.trim();
        Validation v = new Validation().requireText(name, "tag", "标签名称", 40)
                .requireText(condition, "condition", "标签规则", 2000);
        v.require(description == null || description.length() <= 200, "description", "说明不能超过200个字符");
        v.throwIfInvalid();
        define(name, condition, description, user.getUsername());
        return retagEveryone();
    }

    /** Stores a checked rule without retagging (the demo seeds rules before any enterprise exists). */
    @Transactional
    public void define(String tag, String condition, String description, String actor) {
        compile(condition);
        TagRule before = rows.find(tag).orElse(null);
        rows.save(tag, condition.trim(), description == null ? "" : description.trim(), actor);
        audit.record("enterprise.tag-rule.save", "tag_rule", tag, "保存标签规则“" + tag + "”", before, rows.find(tag).orElseThrow());
    }

    @Transactional
    public List<String> delete(String tag, ZhidaUser user) {
        AccessPolicy.ADMINISTRATION.require(user);
        TagRule before = rows.find(tag).orElseThrow(() -> new NotFoundException("标签规则不存在：" + tag));
        rows.delete(tag);
        audit.record("enterprise.tag-rule.delete", "tag_rule", tag, "删除标签规则“" + tag + "”", before, null);
        return retagEveryone();
    }

    /** Recomputes the tags of these enterprises in the current transaction; returns those whose tags changed. */
    public List<String> retag(Collection<String> usccs) {
        if (usccs.isEmpty()) {
            return List.of();
        }
        Map<String, Condition> compiled = compiledRules();
        LocalDate today = LocalDate.now(clock);
        List<String[]> updates = new ArrayList<>();
        enterprises.findAll(usccs).forEach(p -> tagsIfChanged(p, compiled, today, updates));
        return write(updates);
    }

    private List<String> retagEveryone() {
        Map<String, Condition> compiled = compiledRules();
        LocalDate today = LocalDate.now(clock);
        List<String[]> updates = new ArrayList<>();
        enterprises.forEach(p -> tagsIfChanged(p, compiled, today, updates));
        List<String> changed = write(updates);
        events.publishEvent(EnterprisesChanged.of(changed));
        return changed;
    }

    private void tagsIfChanged(EnterpriseProfile p, Map<String, Condition> rules, LocalDate today, List<String[]> updates) {
        Map<String, Object> raw = new HashMap<>(p.attributes());
        raw.remove("tags");
        Map<String, Object> values = DerivedAttributes.enrich(EnterpriseValues.normalize(raw, attributes.schema()));
        Set<String> tags = new LinkedHashSet<>(p.manualTags());
        rules.forEach((tag, condition) -> {
            if (condition.outcome(values, today) == Outcome.ELIGIBLE) {
                tags.add(tag);
            }
        });
        if (!List.copyOf(tags).equals(p.tags())) {
            updates.add(new String[] {p.uscc(), String.join("\u001f", tags)});
        }
    }

    private List<String> write(List<String[]> updates) {
        enterprises.writeTags(updates);
        return updates.stream().map(u -> u[0]).toList();
    }

    private Map<String, Condition> compiledRules() {
        Map<String, Condition> compiled = new java.util.LinkedHashMap<>();
        rows.all().forEach(r -> compiled.put(r.tag(), attributes.compiler().condition(r.condition())));
        return compiled;
    }

    private void compile(String condition) {
        Condition compiled;
        try {
            compiled = attributes.compiler().condition(condition);
        } catch (RuleCompilationException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(err -> new InvalidInputException.FieldError("condition", err.located())).toList());
        }
        if (compiled.attributes().contains("tags")) {
            throw new InvalidInputException("condition", "标签规则不能引用企业标签（e.tags），以免标签互相依赖");
        }
    }
}
