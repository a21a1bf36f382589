package io.jenkins.plugins.dataops.engine.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a promotion does when its target has drifted from its changelog ({@code gates.drift}). */
public enum DriftGate {
    /** Refuse the promotion unless it is explicitly allowed with a reason: the default. */
    REFUSE,
    /** Promote, with the findings in the gate's evidence. */
    WARN,
    /** Do not check the target for drift. */
    IGNORE;

    /** @return the spelling in the spec: {@code refuse}, {@code warn} or {@code ignore} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return every spelling the spec accepts */
    public static List<String> keys() {
        return Arrays.stream(values()).map(DriftGate::key).toList();
    }
}
