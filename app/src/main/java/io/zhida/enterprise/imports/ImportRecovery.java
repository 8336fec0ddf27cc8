package io.zhida.enterprise.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An import runs on the node that received the file; if that node stops (restart, kill -9), the import
 * would say "running" forever. At start-up and every minute, imports whose node is gone are failed with
 * the reason; re-importing the same file goes on where it stopped, since unchanged rows change nothing.
 */
@Component
class ImportRecovery {

    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final ImportRows rows;

    ImportRecovery(ImportRows rows) {
        this.rows = rows;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${zhida.recovery.interval-ms:60000}", initialDelayString = "${zhida.recovery.interval-ms:60000}")
    void failOrphans() {
        int failed = rows.failOrphans();
        if (failed > 0) {
            log.warn("{} enterprise import(s) left running by a stopped node marked failed", failed);
        }
    }
}
