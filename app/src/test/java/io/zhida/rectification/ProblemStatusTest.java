package io.zhida.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.rectification.Problem.Status;
import org.junit.jupiter.api.Test;

/** The rectification workflow as one table: nothing is closed (销号) that was not reported done. */
class ProblemStatusTest {

    @Test
    void aProblemIsClosedOnlyAfterItsReportAndCanAlwaysBeReopened() {
        assertThat(Status.OPEN.next()).containsExactlyInAnyOrder(Status.IN_PROGRESS, Status.DONE);
        assertThat(Status.IN_PROGRESS.next()).containsExactly(Status.DONE);
        assertThat(Status.DONE.next()).containsExactlyInAnyOrder(Status.CHECKED, Status.IN_PROGRESS);
        assertThat(Status.CHECKED.next()).as("回头看 reopens a closed problem").containsExactly(Status.IN_PROGRESS);
        assertThat(Status.OPEN.canMoveTo(Status.CHECKED)).as("not closed without a report").isFalse();
    }
}
