package io.zhida.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.matching.MatchesFound.Notice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliciesAnnouncedTest {

    private static final List<Notice> NEWS = List.of(new Notice("A", List.of("I1", "I2", "I3")), new Notice("B", List.of("I1")));

    @Test
    void newsByReferenceAreThePairsOfTheChunkLessThoseNotClaimed() {
        PoliciesAnnounced announced = PoliciesAnnounced.ofNews(42, List.of(new PoliciesAnnounced.Announcement("A", List.of("I2")),
                new PoliciesAnnounced.Announcement("B", List.of("I1"))), Instant.EPOCH);

        assertThat(announced.pairs(id -> id == 42 ? NEWS : List.of()))
                .containsExactly(new PoliciesAnnounced.Announcement("A", List.of("I1", "I3")));
    }

    @Test
    void pairsListedInTheEventAreTheAnnouncementWithoutNews() {
        List<PoliciesAnnounced.Announcement> listed = List.of(new PoliciesAnnounced.Announcement("C", List.of("I9")));
        PoliciesAnnounced announced = new PoliciesAnnounced(listed, 0, List.of(), Instant.EPOCH);

        assertThat(announced.pairs(id -> {
            throw new AssertionError("no news to read");
        })).isEqualTo(listed);
    }
}
