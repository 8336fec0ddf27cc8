package io.zhida.notify;

import java.time.Instant;
import java.util.List;

/** Matches announced to enterprises for the first time (each (enterprise, item) once ever), in the transaction that recorded them. */
public record PoliciesAnnounced(List<Announcement> announcements, Instant at) {

    public record Announcement(String uscc, List<String> itemCodes) {
    }
}
