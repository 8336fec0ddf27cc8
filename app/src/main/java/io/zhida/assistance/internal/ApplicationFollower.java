package io.zhida.assistance.internal;

import io.zhida.applications.ApplicationChanged;
import io.zhida.assistance.AssistanceRequest;
import io.zhida.identity.CurrentUser;
import io.zhida.platform.ProcessedEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The 专员 follows the application to its end: each of its steps reaches the request's timeline, and its end closes it. */
@Component
class ApplicationFollower {

    private final RequestRows rows;
    private final ProcessedEvents processed;

    ApplicationFollower(RequestRows rows, ProcessedEvents processed) {
        this.rows = rows;
        this.processed = processed;
    }

    @ApplicationModuleListener
    void on(ApplicationChanged changed) {
        if (changed.from() == null || !processed.firstDelivery("assistance.application-follower", changed)) {
            return;
        }
        for (AssistanceRequest r : rows.byApplication(changed.applicationId())) {
            rows.event(r.id(), CurrentUser.SYSTEM, "APPLICATION", "申报进展：" + changed.to().label());
            if (changed.to().finished() && r.status() == AssistanceRequest.Status.SUBMITTED) {
                rows.move(r.id(), AssistanceRequest.Status.SUBMITTED, AssistanceRequest.Status.DONE, "closed_at = now()");
            }
        }
    }
}
