package io.zhida.funds;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.funds.Grant.Status;
import org.junit.jupiter.api.Test;

/** The payout workflow as one table: nothing is paid that was not payable and put into a batch. */
class GrantStatusTest {

    @Test
    void moneyIsPaidOnlyFromABatchAndAPaidGrantIsFinal() {
        assertThat(Status.DISCLOSING.next()).containsExactlyInAnyOrder(Status.PAYABLE, Status.CANCELLED);
        assertThat(Status.PAYABLE.next()).containsExactly(Status.IN_BATCH);
        assertThat(Status.IN_BATCH.next()).containsExactlyInAnyOrder(Status.PAID, Status.FAILED);
        assertThat(Status.FAILED.next()).as("a failure is paid again in the next batch").containsExactly(Status.IN_BATCH);
        assertThat(Status.PAID.next()).isEmpty();
        assertThat(Status.CANCELLED.next()).isEmpty();
        assertThat(Status.PAYABLE.canMoveTo(Status.PAID)).as("not without a batch").isFalse();
        assertThat(Status.DISCLOSING.canMoveTo(Status.IN_BATCH)).as("not during 公示").isFalse();
    }
}
