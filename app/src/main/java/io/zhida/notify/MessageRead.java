package io.zhida.notify;

import java.time.Instant;
import java.util.List;

/** An enterprise opened a policy push for the first time: the policies it announces have reached it. */
public record MessageRead(long messageId, String uscc, List<String> itemCodes, Instant at) {
}
