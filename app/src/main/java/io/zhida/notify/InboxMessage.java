package io.zhida.notify;

import java.time.Instant;
import java.util.List;

/** A message in an enterprise's inbox; readAt is null until the enterprise opens it. */
public record InboxMessage(long id, String uscc, String title, String body, List<String> itemCodes, Instant createdAt,
                           Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
