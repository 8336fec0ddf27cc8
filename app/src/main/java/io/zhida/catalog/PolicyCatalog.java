package io.zhida.catalog;

import io.zhida.catalog.internal.PolicyRows;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Reading the library: what is online today, any version of an item, documents. */
@Service
public class PolicyCatalog {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final PolicyRows rows;
    private final org.springframework.transaction.support.TransactionTemplate outside;
    private volatile Map<String, PolicyItem> published;

    PolicyCatalog(PolicyRows rows, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.rows = rows;
        this.outside = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    public static LocalDate today() {
        return io.zhida.platform.Today.date();
    }

    /** Published, not abolished, inside the validity period. */
    public List<PolicyItem> onlineItems() {
        LocalDate today = today();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return rows.currentVersions(false).stream().filter(i -> i.isOnline(today)).toList();
        }
        return publishedByCode().values().stream().filter(i -> i.isOnline(today))
                .sorted(java.util.Comparator.comparing(PolicyItem::code)).toList(); // the kept copy: no library read per request
    }

    public Optional<PolicyItem> onlineItem(String code) {
        LocalDate today = today();
        return published(code).filter(i -> i.isOnline(today));
    }

    public Optional<PolicyItem> published(String code) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a transaction (which may have changed the library): read just this item, as the transaction sees it
            return rows.itemIds(code).filter(ids -> ids[1] > 0).flatMap(ids -> rows.version(code, (int) ids[1]));
        }
        return Optional.ofNullable(publishedByCode().get(code));
    }

    /**
     * The item's name as last published and committed, for messages that name many items at once (a 政策包 of
     * hundreds): from the kept copy (loaded outside the caller's transaction when missing), else as the
     * caller's transaction sees it (an item published in it).
     */
    public Optional<String> publishedName(String code) {
        Map<String, PolicyItem> cached = published;
        if (cached == null) {
            cached = outside.execute(status -> publishedByCode()); // committed state, on a connection of its own
        }
        PolicyItem item = cached == null ? null : cached.get(code);
        return item != null ? Optional.of(item.content().name()) : published(code).map(i -> i.content().name());
    }

    /**
     * Every item's published version, read once and kept until a publication or abolition (here, after the
     * transaction commits too, or on another node): 我的政策 and the matches API ask for hundreds of items a request.
     */
    private Map<String, PolicyItem> publishedByCode() {
        Map<String, PolicyItem> cached = published;
        if (cached == null) {
            Map<String, PolicyItem> fresh = new java.util.HashMap<>();
            rows.currentVersions(false).forEach(i -> fresh.put(i.code(), i));
            cached = Map.copyOf(fresh);
            published = cached; // read outside any transaction: only committed state
        }
        return cached;
    }

    @EventListener({PolicyItemPublished.class, PolicyItemAbolished.class})
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forgetPublished() {
        published = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    published = null; // anyone who read between the change and its commit read the old state
                }
            });
        }
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forgetPublishedElsewhere(io.zhida.platform.RemoteChange change) {
        if (change.event() instanceof PolicyItemPublished || change.event() instanceof PolicyItemAbolished) {
            published = null;
        }
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
