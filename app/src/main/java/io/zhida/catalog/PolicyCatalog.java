package io.zhida.catalog;

import io.zhida.catalog.internal.PolicyRows;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reading the library: what is online today, any version of an item, documents. */
@Service
public class PolicyCatalog {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final PolicyRows rows;

    PolicyCatalog(PolicyRows rows) {
        this.rows = rows;
    }

    public static LocalDate today() {
        return io.zhida.platform.Today.date();
    }

    /** Published, not abolished, inside the validity period. */
    public List<PolicyItem> onlineItems() {
        LocalDate today = today();
        return rows.currentVersions(false).stream().filter(i -> i.isOnline(today)).toList();
    }

    public Optional<PolicyItem> onlineItem(String code) {
        LocalDate today = today();
        return published(code).filter(i -> i.isOnline(today));
    }

    public Optional<PolicyItem> published(String code) {
        return rows.itemIds(code).filter(ids -> ids[1] > 0).flatMap(ids -> rows.version(code, (int) ids[1]));
    }

    public Optional<PolicyItem> version(String code, int version) {
        return rows.version(code, version);
    }

    /** For authors: each item's working version if any, else its published one. */
    public List<PolicyItem> workingView() {
        return rows.currentVersions(true);
    }

    public List<PolicyItem> history(String code) {
        return rows.versionsOf(code);
    }

    public List<PolicyItem> awaitingReview() {
        return rows.inState("IN_REVIEW");
    }

    public List<PolicyDocument> documents() {
        return rows.documents();
    }

    public Optional<PolicyDocument> document(long id) {
        return rows.document(id);
    }
}
