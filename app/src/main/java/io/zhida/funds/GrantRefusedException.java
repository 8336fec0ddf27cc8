package io.zhida.funds;

import io.zhida.platform.InvalidInputException;

/** A grant the rules do not allow: already granted this period, 就高不重复, annual cap, pool exhausted. */
public class GrantRefusedException extends InvalidInputException {

    public GrantRefusedException(String reason) {
        super("amount", reason);
    }

    public String reason() {
        return errors().get(0).message();
    }
}
