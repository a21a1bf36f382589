package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.release.Verification;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns engine values into plain JDK values for the front ends: a record becomes a {@link LinkedHashMap} of its
 * components by name (the keys the command line's {@code --json} has always printed), a collection an
 * {@link ArrayList}, an enum its name; Strings, numbers and booleans stay; anything else becomes its text. Only
 * {@link LinkedHashMap} and {@link ArrayList} are used because a Pipeline script receives these maps.
 */
final class PlainValues {
    private PlainValues() {}

    /**
     * Converts a record to a map of its components.
     *
     * @param value a record
     * @return its components, converted, in declaration order
     */
    static LinkedHashMap<String, Object> mapOf(final Record value) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            map.put(component.getName(), of(read(component, value)));
        }
        return map;
    }

    /**
     * Converts any engine value.
     *
     * @param value the value, may be null
     * @return its plain form (null stays null)
     */
    static Object of(final Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Record record) {
            return mapOf(record);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> items) {
            ArrayList<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(of(item)));
            return list;
        }
        if (value instanceof Map<?, ?> entries) {
            LinkedHashMap<String, Object> map = new LinkedHashMap<>();
            entries.forEach((key, item) -> map.put(String.valueOf(key), of(item)));
            return map;
        }
        return value.toString();
    }

    /**
     * Converts a provisioning plan: its components and its counts per action.
     *
     * @param plan the plan
     * @return {@code environment, provider, changes, created, updated, unchanged, deleted, summary}
     */
    static LinkedHashMap<String, Object> planMap(final ProvisioningPlan plan) {
        LinkedHashMap<String, Object> map = mapOf(plan);
        map.put("created", plan.count(ChangeAction.CREATE));
        map.put("updated", plan.count(ChangeAction.UPDATE));
        map.put("unchanged", plan.count(ChangeAction.NO_OP));
        map.put("deleted", plan.count(ChangeAction.DELETE));
        map.put("summary", plan.summary());
        return map;
    }

    /**
     * Converts a verification for a result that shows its summary under {@code verification}.
     *
     * @param map          the result's map, changed
     * @param verification the post-deploy data tests
     */
    static void putVerification(final Map<String, Object> map, final Verification verification) {
        map.put("verification", verification.summary());
        map.put("verificationDetails", mapOf(verification));
    }

    private static Object read(final RecordComponent component, final Record value) {
        try {
            return component.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "Cannot read component '%s' of %s".formatted(component.getName(), value.getClass()), e);
        }
    }
}
