package io.zhida.engine.rule;

/** An enterprise value of the wrong type or shape, e.g. employees = "many". Names the attribute. */
public class InvalidAttributeException extends RuntimeException {

    private final String attribute;

    public InvalidAttributeException(String attribute, String message) {
        super(message);
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
