package io.zhida.funds;

import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enterprise's confirmed receiving account (对公账户); a grant is paid only to a confirmed account. */
@Service
public class BankAccounts {

    public record BankAccount(String uscc, String accountName, String bankName, String accountNo) {
        /** The account number with all but the last four digits hidden. */
        public String maskedNo() {
            return accountNo.length() <= 4 ? accountNo : "*".repeat(accountNo.length() - 4) + accountNo.substring(accountNo.length() - 4);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    BankAccounts(JdbcClient jdbc, AuditLog audit, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    public Optional<BankAccount> find(String uscc) {
        return jdbc.sql("SELECT uscc, account_name, bank_name, account_no FROM bank_account WHERE uscc = ?").param(uscc)
                .query((rs, n) -> new BankAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
    }

    @Transactional
    public void confirm(String uscc, String accountName, String bankName, String accountNo) {
        String number = accountNo == null ? "" : accountNo.replaceAll("\\s", "");
        new Validation().requireText(accountName, "accountName", "户名", 200).requireText(bankName, "bankName", "开户银行", 200)
                .require(number.matches("[0-9]{8,30}"), "accountNo", "账号应为 8–30 位数字").throwIfInvalid();
        Optional<BankAccount> before = find(uscc);
        jdbc.sql("""
                INSERT INTO bank_account (uscc, account_name, bank_name, account_no, confirmed_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (uscc) DO UPDATE SET account_name = excluded.account_name, bank_name = excluded.bank_name,
                  account_no = excluded.account_no, confirmed_by = excluded.confirmed_by, confirmed_at = now(),
                  name_exception_by = NULL, name_exception_at = NULL, name_exception_reason = NULL""")
                .params(uscc, accountName.trim(), bankName.trim(), number, CurrentUser.actor()).update();
        audit.record("bank-account.confirm", "enterprise", uscc, "确认收款账户", before.map(BankAccount::maskedNo).orElse(null),
                new BankAccount(uscc, accountName, bankName, number).maskedNo());
        // the payment clock restarts now for money that waited for the account: the wait was the enterprise's
        jdbc.sql("""
                UPDATE fund_grant SET pay_due_at = CAST(:now AS timestamptz) + (pay_due_at - payable_at)
                WHERE uscc = :uscc AND status IN ('PAYABLE', 'FAILED') AND payable_at IS NOT NULL AND pay_due_at IS NOT NULL
                  AND pay_due_at < CAST(:now AS timestamptz) + (pay_due_at - payable_at)""").param("uscc", uscc)
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        events.publishEvent(new BankAccountConfirmed(uscc, clock.instant()));
    }

    /**
     * A finance officer confirms that an account held under another name than the registered one may be paid
     * (a changed name not yet registered, a branch), with the reason; a new account clears it.
     */
    @Transactional
    public void confirmNameException(String uscc, String reason) {
        new Validation().requireText(reason, "reason", "核实说明", 500).throwIfInvalid();
        BankAccount account = find(uscc).orElseThrow(() -> new io.zhida.platform.NotFoundException("该企业尚未确认收款账户"));
        jdbc.sql("UPDATE bank_account SET name_exception_by = ?, name_exception_at = now(), name_exception_reason = ? WHERE uscc = ?")
                .params(CurrentUser.actor(), reason.trim(), uscc).update();
        audit.record("bank-account.name-exception", "enterprise", uscc, "核实收款户名与登记名称不一致的例外：" + account.accountName(),
                null, reason.trim());
    }
}
