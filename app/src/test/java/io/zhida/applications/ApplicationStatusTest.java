package io.zhida.applications;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.applications.Application.Status;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The application workflow as one table: every state reachable from a submission, the finished ones final. */
class ApplicationStatusTest {

    @Test
    void everyStateIsReachableFromASubmissionAndEveryPathEnds() {
        Set<Status> reached = EnumSet.of(Status.SUBMITTED);
        ArrayDeque<Status> todo = new ArrayDeque<>(reached);
        while (!todo.isEmpty()) {
            for (Status next : todo.pop().next()) {
                if (reached.add(next)) {
                    todo.add(next);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(Status.values());
        assertThat(EnumSet.allOf(Status.class).stream().filter(Status::finished))
                .containsExactlyInAnyOrder(Status.PAID, Status.REJECTED, Status.REFUSED, Status.WITHDRAWN);
    }

    @Test
    void theStepsAreTheWindowsTheDepartmentsAndFinances() {
        assertThat(Status.SUBMITTED.next()).containsExactlyInAnyOrder(Status.ACCEPTED, Status.RETURNED, Status.REFUSED, Status.APPROVED,
                Status.WITHDRAWN);
        assertThat(Status.RETURNED.next()).containsExactlyInAnyOrder(Status.SUBMITTED, Status.WITHDRAWN);
        assertThat(Status.ACCEPTED.next()).containsExactlyInAnyOrder(Status.DISPATCHED, Status.REFUSED, Status.WITHDRAWN);
        assertThat(Status.DISPATCHED.next()).containsExactlyInAnyOrder(Status.APPROVED, Status.REJECTED, Status.WITHDRAWN);
        assertThat(Status.APPROVED.canMoveTo(Status.WITHDRAWN)).as("a decided application is not withdrawn").isFalse();
        assertThat(Status.APPROVED.next()).containsExactlyInAnyOrder(Status.PAID, Status.REJECTED);
        assertThat(Status.PAID.canMoveTo(Status.SUBMITTED)).isFalse();
        assertThat(Status.DISPATCHED.canMoveTo(Status.PAID)).as("nothing is paid without an approval").isFalse();
    }
}
