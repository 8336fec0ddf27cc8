package io.zhida.engine.rule;

import io.zhida.engine.standard.IndustryCode;
import java.util.Optional;

/**
 * The names behind code values, so that a clause reads "注册地在青山县" instead of a division code:
 * industries (GB/T 4754) are known here, the platform adds its regions.
 */
@FunctionalInterface
public interface CodeNames {

    /** The name of {@code code} as a value of {@code attribute}, if it has one. */
    Optional<String> name(String attribute, String code);

    /** Industries only. */
    CodeNames INDUSTRIES = (attribute, code) -> attribute.equals("industry") ? IndustryCode.name(code) : Optional.empty();

    /** This, and for what it does not know, {@code other}. */
    default CodeNames or(CodeNames other) {
        return (attribute, code) -> name(attribute, code).or(() -> other.name(attribute, code));
    }
}
