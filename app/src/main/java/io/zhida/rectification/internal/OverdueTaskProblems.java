package io.zhida.rectification.internal;

import io.zhida.applications.TaskEscalated;
import io.zhida.applications.WorkingTimeText;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import io.zhida.platform.ProcessedEvents;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An escalated time-limit task is a problem of the unit that held it: on the ledger once per task. */
@Component
class OverdueTaskProblems {

    private final Ledger ledger;

    private final ProcessedEvents processed;

    OverdueTaskProblems(Ledger ledger, ProcessedEvents processed) {
        this.ledger = ledger;
        this.processed = processed;
    }

    @ApplicationModuleListener
    void on(TaskEscalated escalated) {
        if (!processed.firstDelivery("rectification.overdue-task", escalated)) {
            return;
        }
        ledger.open(new Problem.New(Problem.Category.OVERDUE, "TASK-" + escalated.taskId(),
                "超时未办：" + escalated.applicationNumber() + " " + escalated.step(),
                escalated.enterpriseName() + "申报的“" + escalated.itemName() + "”在“" + escalated.step() + "”环节超过时限（"
                        + WorkingTimeText.format(escalated.dueAt()) + "），已督办。",
                "DEPARTMENT", escalated.departmentCode(), List.of(), null, "查明超时原因，办结该件并防止再次超时", null, 5), "system");
    }
}
