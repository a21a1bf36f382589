package io.jenkins.plugins.dataops.engine.provision;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One line of a plan: a resource and what applying the plan does to it.
 *
 * @param type   the resource type, e.g. {@code database}, {@code role}, {@code firewall-rule}
 * @param name   the resource name
 * @param action what happens to it
 * @param detail why, e.g. {@code sku S0 -> S1}; empty when there is nothing to say
 */
public record ResourceChange(String type, String name, ChangeAction action, String detail) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public ResourceChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Renders the change as one plan line, Terraform style: {@code + database customer_dev (detail)}.
     *
     * @return the line
     */
    public String render() {
        String symbol =
                switch (action) {
                    case CREATE -> "+";
                    case UPDATE -> "~";
                    case NO_OP -> "=";
                    case DELETE -> "-";
                };
        return symbol + " " + type + " " + name + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
