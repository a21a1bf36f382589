package io.jenkins.plugins.dataops.engine.spec;

import io.jenkins.plugins.dataops.engine.kernel.Suggestions;
import io.jenkins.plugins.dataops.engine.spec.SpecKeys.Type;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads what a spec allows and gates by default: {@code allow}, {@code gates}, {@code onFailure} and
 * {@code lockTimeout}. Problems are collected in the loader's {@link YamlValues}, with their lines.
 */
final class SpecPolicyReader {
    private final YamlValues values;

    SpecPolicyReader(final YamlValues values) {
        this.values = values;
    }

    SpecPolicy read(final Map<String, Node> top) {
        boolean noRollback = false;
        boolean destructive = false;
        if (top.containsKey("allow")) {
            Map<String, Node> allow = values.mapping(top.get("allow"), "'allow'", SpecKeys.ALLOW.keySet());
            noRollback = flag(allow, "noRollback");
            destructive = flag(allow, "destructive");
        }
        Duration maxTestAge = SpecPolicy.DEFAULT_MAX_TEST_AGE;
        DriftGate driftGate = DriftGate.REFUSE;
        if (top.containsKey("gates")) {
            Map<String, Node> gates = values.mapping(top.get("gates"), "'gates'", SpecKeys.GATES.keySet());
            if (gates.containsKey("maxTestAge")) {
                Object text = values.value(gates.get("maxTestAge"), "maxTestAge", Type.DURATION);
                maxTestAge = text == null ? maxTestAge : DurationParser.parse((String) text);
            }
            driftGate = driftGate(gates);
        }
        boolean rollbackOnFailure = true;
        if (top.containsKey("onFailure")) {
            String onFailure = values.string(top.get("onFailure"), "onFailure");
            if (onFailure != null && !SpecKeys.ON_FAILURE.contains(onFailure)) {
                values.problem(
                        top.get("onFailure"),
                        "'onFailure' must be one of " + SpecKeys.ON_FAILURE
                                + Suggestions.hint(onFailure, SpecKeys.ON_FAILURE));
            }
            rollbackOnFailure = !"keep".equals(onFailure);
        }
        Duration lockTimeout = SpecPolicy.DEFAULT_LOCK_TIMEOUT;
        if (top.containsKey("lockTimeout")) {
            Object text = values.value(top.get("lockTimeout"), "lockTimeout", Type.DURATION);
            lockTimeout = text == null ? lockTimeout : DurationParser.parse((String) text);
        }
        return new SpecPolicy(noRollback, destructive, maxTestAge, rollbackOnFailure, lockTimeout, driftGate);
    }

    private DriftGate driftGate(final Map<String, Node> gates) {
        String drift = gates.containsKey("drift") ? values.string(gates.get("drift"), "drift") : null;
        if (drift == null) {
            return DriftGate.REFUSE;
        }
        if (!DriftGate.keys().contains(drift)) {
            values.problem(
                    gates.get("drift"),
                    "'gates.drift' must be one of " + DriftGate.keys() + Suggestions.hint(drift, DriftGate.keys()));
            return DriftGate.REFUSE;
        }
        return DriftGate.valueOf(drift.toUpperCase(Locale.ROOT));
    }

    private boolean flag(final Map<String, Node> entries, final String key) {
        return entries.containsKey(key) && Boolean.TRUE.equals(values.value(entries.get(key), key, Type.BOOLEAN));
    }
}
