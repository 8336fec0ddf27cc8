package io.zhida.matching;

import io.zhida.catalog.ItemContent;
import io.zhida.catalog.ReachEstimates;
import io.zhida.platform.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The review page's estimate: the item as it would be published (its scope included), run in the sandbox. */
@Component
class SandboxReach implements ReachEstimates {

    private final PolicySandbox sandbox;

    SandboxReach(PolicySandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public Optional<Estimate> estimate(ItemContent content) {
        try {
            PolicySandbox.Outcome o = sandbox.run(List.of(new PolicySandbox.Variant("审查", content.matchingCondition(),
                    content.amountFormula(), content.cap()))).get(0);
            return Optional.of(new Estimate(o.eligible(), o.undetermined(), o.totalAmount(), o.millis()));
        } catch (InvalidInputException | io.zhida.engine.rule.RuleCompilationException e) {
            return Optional.empty();
        }
    }
}
