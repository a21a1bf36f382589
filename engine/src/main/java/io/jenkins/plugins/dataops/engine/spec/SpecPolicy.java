package io.jenkins.plugins.dataops.engine.spec;

import java.io.Serial;
import java.io.Serializable;

/**
 * What the spec allows for every migration of the product (the {@code allow:} key); a call can allow more.
 *
 * @param allowNoRollback apply changesets that declare no rollback
 * @param allowDestructive apply changes that drop tables or columns or narrow a type
 */
public record SpecPolicy(boolean allowNoRollback, boolean allowDestructive) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Nothing risky allowed: the default. */
    public static final SpecPolicy STRICT = new SpecPolicy(false, false);
}
