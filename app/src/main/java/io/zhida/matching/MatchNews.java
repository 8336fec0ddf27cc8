package io.zhida.matching;

import io.zhida.matching.internal.MatchNewsRows;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads the chunk of new matches a {@link MatchesFound} names. */
@Component
public class MatchNews {

    private static final Logger log = LoggerFactory.getLogger(MatchNews.class);

    private final MatchNewsRows rows;

    MatchNews(MatchNewsRows rows) {
        this.rows = rows;
    }

    /** @return the chunk's enterprises and their new items; empty (and logged) when it was forgotten after two weeks */
    public List<MatchesFound.Notice> of(MatchesFound found) {
        return rows.find(found.news()).orElseGet(() -> {
            log.warn("Matches announced as news {} ({} enterprises, {} pairs, {}) are no longer kept; not announced",
                    found.news(), found.enterprises(), found.pairs(), found.at());
            return List.of();
        });
    }

    /** For {@link io.zhida.notify} and others that record what was announced by news id. */
    public List<MatchesFound.Notice> of(long news) {
        return rows.find(news).orElse(List.of());
    }
}
