package io.jenkins.plugins.dataops.engine.provision;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What applying (or destroying) an environment would do, resource by resource.
 *
 * @param environment the environment name
 * @param provider    the provider
 * @param changes     one entry per resource, in the order they are applied
 */
public record ProvisioningPlan(String environment, String provider, List<ResourceChange> changes)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public ProvisioningPlan {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(provider, "provider");
        changes = List.copyOf(changes);
    }

    /**
     * Tells whether applying the plan changes anything.
     *
     * @return true when at least one change is not a no-op
     */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action() != ChangeAction.NO_OP);
    }

    /**
     * Counts the changes of one kind.
     *
     * @param action the kind
     * @return how many resources get it
     */
    public long count(final ChangeAction action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /**
     * Renders the plan for people: a header, one line per resource and a summary line.
     *
     * @return the plan text
     */
    public String render() {
        String lines = changes.stream().map(c -> "  " + c.render()).collect(Collectors.joining("\n"));
        return "Plan for environment '" + environment + "' (" + provider + "):\n"
                + (lines.isEmpty() ? "  (no resources)" : lines) + "\n" + summary();
    }

    /**
     * Returns the summary line, e.g. {@code 1 to create, 0 to update, 2 unchanged, 0 to delete}.
     *
     * @return the summary
     */
    public String summary() {
        return "%d to create, %d to update, %d unchanged, %d to delete"
                .formatted(
                        count(ChangeAction.CREATE),
                        count(ChangeAction.UPDATE),
                        count(ChangeAction.NO_OP),
                        count(ChangeAction.DELETE));
    }
}
