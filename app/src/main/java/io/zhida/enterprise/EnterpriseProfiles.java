package io.zhida.enterprise;

import io.zhida.enterprise.internal.EnterpriseRows;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Reading profiles within the caller's data scope, and loading them in bulk. */
@Service
public class EnterpriseProfiles {

    public record Page(List<EnterpriseProfile> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final EnterpriseRows rows;

    EnterpriseProfiles(EnterpriseRows rows) {
        this.rows = rows;
    }

    /** The profile, if the user may see it: 403 for another enterprise's data, 404 for an unknown code. */
    public EnterpriseProfile get(String uscc, ZhidaUser user) {
        if (user.isEnterpriseOnly() && !uscc.equals(user.enterpriseUscc())) {
            throw new AccessDeniedException("another enterprise");
        }
        EnterpriseProfile profile = rows.find(uscc).orElseThrow(() -> new NotFoundException("企业不存在：" + uscc));
        if (!user.canSeeEnterprise(profile.uscc(), profile.region())) {
            throw new AccessDeniedException("outside data scope");
        }
        return profile;
    }

    public Optional<EnterpriseProfile> find(String uscc) {
        return rows.find(uscc);
    }

    /** The profiles of these codes in one query; unknown codes are left out. */
    public List<EnterpriseProfile> findAll(java.util.Collection<String> usccs) {
        return rows.findAll(usccs);
    }

    /** The GB/T 4754 industry of each of these codes that has one, in one query. */
    public Map<String, String> industries(java.util.Collection<String> usccs) {
        return rows.findAll(usccs).stream().filter(p -> p.industry() != null)
                .collect(java.util.stream.Collectors.toMap(EnterpriseProfile::uscc, EnterpriseProfile::industry));
    }

    /** Staff search by name or code; a county user only ever gets its county. */
    public Page search(String query, String region, int page, int size, ZhidaUser user) {
        if (user.isEnterpriseOnly()) {
            throw new AccessDeniedException("enterprise users see their own profile only");
        }
        String scopedRegion = user.seesWholeCity() ? region : user.regionCode();
        return rows.search(query, scopedRegion, page, size);
    }

    /** Every profile, streamed in code order: for the matching index, never for a page. */
    public void forEach(java.util.function.Consumer<EnterpriseProfile> consumer) {
        rows.forEach(consumer);
    }

    /** Where each value of a profile came from; call after {@link #get} has checked the data scope. */
    public Map<String, EnterpriseRows.Source> provenance(String uscc) {
        return rows.provenance(uscc);
    }

    public List<EnterpriseRows.HistoryEntry> history(String uscc, int limit) {
        return rows.history(uscc, limit);
    }

    public long count() {
        return rows.count();
    }
}
