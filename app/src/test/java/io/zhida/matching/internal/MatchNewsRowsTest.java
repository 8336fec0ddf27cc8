package io.zhida.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhida.matching.MatchesFound.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MatchNewsRowsTest {

    @Test
    void aChunkComesBackAsItWasWrittenInAboutOneBytePerPair() {
        List<String> items = IntStream.range(0, 10_000).mapToObj(i -> "SC-%05d".formatted(i)).toList();
        List<Notice> chunk = new ArrayList<>();
        for (int e = 0; e < 500; e++) {
            List<String> mine = new ArrayList<>();
            for (int i = e % 7; i < items.size(); i += 40 + e % 5) {
                mine.add(items.get(i));
            }
            chunk.add(new Notice("91510100MA%08dX".formatted(e), mine));
        }
        chunk.add(new Notice("91510100MA99999999", List.of("SC-00003", "T-单一事项")));
        int pairs = chunk.stream().mapToInt(n -> n.itemCodes().size()).sum();

        byte[] body = MatchNewsRows.encode(chunk);

        assertThat(MatchNewsRows.decode(body)).isEqualTo(chunk);
        assertThat(body.length).as("%,d pairs", pairs).isLessThan(pairs * 3 / 2);
    }

    @Test
    void anEmptyChunkAndAForeignBodyAreToldApart() {
        assertThat(MatchNewsRows.decode(MatchNewsRows.encode(List.of()))).isEmpty();
        assertThatThrownBy(() -> MatchNewsRows.decode(new byte[] {1, 2, 3})).isInstanceOf(RuntimeException.class);
    }
}
