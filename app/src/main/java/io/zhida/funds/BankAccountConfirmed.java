package io.zhida.funds;

import java.time.Instant;

/** An enterprise confirmed its receiving account: money that waited for it can be paid, and payment clocks go on. */
public record BankAccountConfirmed(String uscc, Instant at) {
}
