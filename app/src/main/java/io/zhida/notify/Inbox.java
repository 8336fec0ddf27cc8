package io.zhida.notify;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.matching.MatchesFound;
import io.zhida.notify.internal.InboxRows;
import io.zhida.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Turns new matches into inbox messages: one item gets its own message, several at once go as one
 * 政策包. A match already announced is never announced again.
 */
@Service
public class Inbox {

    private final InboxRows rows;
    private final PolicyCatalog catalog;

    Inbox(InboxRows rows, PolicyCatalog catalog) {
        this.rows = rows;
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    public void on(MatchesFound found) {
        for (MatchesFound.Notice notice : found.notices()) {
            announce(notice.uscc(), notice.itemCodes());
        }
    }

    /** @return the message, or empty when every item was announced before */
    public Optional<Long> announce(String uscc, List<String> itemCodes) {
        List<String> fresh = rows.notAnnounced(uscc, itemCodes);
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = fresh.stream().map(c -> catalog.onlineItem(c).map(PolicyItem::content)
                .map(content -> content.name()).orElse(c)).toList();
        String title = fresh.size() == 1 ? "您可能符合「" + names.get(0) + "」"
                : "为您匹配到 " + fresh.size() + " 项惠企政策（政策包）";
        String body = "根据贵单位在平台上的数据，以下政策的条件您可能已经满足：\n· " + String.join("\n· ", names)
                + "\n请在“我的政策”中查看条件逐条核对结果和预计金额。";
        long id = rows.insert(uscc, title, body, fresh);
        if (rows.claim(uscc, fresh, id) == 0) { // a concurrent delivery announced them first
            rows.delete(id);
            return Optional.empty();
        }
        return Optional.of(id);
    }

    public List<InboxMessage> messages(String uscc) {
        return rows.forEnterprise(uscc);
    }

    public long unread(String uscc) {
        return rows.unread(uscc);
    }

    /** Opens a message of the enterprise's own: records that it was read. */
    public InboxMessage open(String uscc, long id) {
        InboxMessage m = rows.find(id).filter(x -> x.uscc().equals(uscc)).orElseThrow(() -> new NotFoundException("消息不存在"));
        rows.markRead(id);
        return m;
    }
}
