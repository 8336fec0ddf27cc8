package io.zhida.enterprise;

import io.zhida.enterprise.internal.ProfileValidator;
import io.zhida.enterprise.internal.ProfileValidator.Checked;
import io.zhida.enterprise.internal.ProfileValidator.ValidRow;
import io.zhida.enterprise.internal.ProfileWriter;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way profile data changes: validated in the data standard's names, merged with provenance and
 * history, retagged, and announced as {@link EnterprisesChanged} so matching follows.
 */
@Service
public class ProfileUpdates {

    /** What a merge did; {@code changed} lists the enterprises whose data or tags changed. */
    public record Result(int created, int updated, int unchanged, List<ProfileValidator.RowError> rejected,
                         List<String> changed) {
    }

    private final ProfileWriter writer;
    private final TagRules tags;
    private final AttributeCatalog attributes;
    private final Organisations organisations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ProfileUpdates(ProfileWriter writer, TagRules tags, AttributeCatalog attributes, Organisations organisations,
                   AuditLog audit, ApplicationEventPublisher events) {
        this.writer = writer;
        this.tags = tags;
        this.attributes = attributes;
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
    }

    /** A validator for the current schema and regions; make one per import. */
    public ProfileValidator validator() {
        return new ProfileValidator(attributes.schema(),
                organisations.regions().stream().map(Organisations.Region::code).collect(Collectors.toSet()));
    }

    /**
     * Creates or updates one profile from a JSON object (administrators). Any invalid field → 400 naming
     * it and nothing written.
     */
    @Transactional
    public Result upsert(Map<String, Object> fields, String sourceSystem, LocalDate asOf, ZhidaUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException("administrators write profiles");
        }
        Checked checked = validator().check(1, fields);
        if (!checked.ok()) {
            throw new InvalidInputException(checked.errors().stream()
                    .map(e -> new InvalidInputException.FieldError(e.field(), e.reason())).toList());
        }
        Result result = merge(List.of(checked.row()), sourceSystem, asOf);
        if (!result.rejected().isEmpty()) {
            throw new InvalidInputException(result.rejected().stream()
                    .map(e -> new InvalidInputException.FieldError(e.field(), e.reason())).toList());
        }
        if (!result.changed().isEmpty()) {
            audit.record("enterprise.upsert", "enterprise", checked.row().uscc(),
                    (result.created() > 0 ? "新建" : "更新") + "企业档案（来源：" + sourceSystem + "）", null, fields);
        }
        events.publishEvent(EnterprisesChanged.of(result.changed()));
        return result;
    }

    /**
     * Merges validated rows from one source extract in the caller's transaction and retags what changed.
     * The caller announces the changes (an import does so once, at the end).
     */
    public Result merge(List<ValidRow> rows, String sourceSystem, LocalDate asOf) {
        ProfileWriter.Merged merged = writer.merge(rows, writer.sourceId(sourceSystem, asOf));
        Set<String> changed = new LinkedHashSet<>(merged.changed());
        changed.addAll(tags.retag(merged.changed()));
        return new Result(merged.created(), merged.updated(), merged.unchanged(), merged.rejected(), new ArrayList<>(changed));
    }

    /**
     * Merges rows from a source the platform trusts (the demo generator) in batches, in the caller's
     * transaction; a row that fails validation is a bug there and stops everything.
     */
    public int mergeTrusted(java.util.Iterator<Map<String, Object>> rows, String sourceSystem, LocalDate asOf) {
        ProfileValidator validator = validator();
        List<ValidRow> batch = new ArrayList<>();
        int merged = 0;
        long number = 0;
        while (rows.hasNext()) {
            Checked checked = validator.check(++number, rows.next());
            if (!checked.ok()) {
                throw new IllegalArgumentException("invalid trusted row " + number + ": " + checked.errors());
            }
            batch.add(checked.row());
            if (batch.size() == 5_000 || !rows.hasNext()) {
                merged += merge(batch, sourceSystem, asOf).changed().size();
                batch.clear();
            }
        }
        return merged;
    }

    /** The id of a source system's extract of one as-of date (the same pair always gets the same id). */
    public int sourceId(String sourceSystem, LocalDate asOf) {
        return writer.sourceId(sourceSystem, asOf);
    }

    /** Tells matching about enterprises changed by {@link #merge}; call inside a transaction. */
    public void announce(java.util.Collection<String> changed, boolean everything) {
        events.publishEvent(everything ? new EnterprisesChanged(List.of(), true) : EnterprisesChanged.of(changed));
    }
}
