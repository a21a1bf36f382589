package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The second direction of the cross-anchoring: the environments' history rows name the ledger records behind
 * them, so a ledger deleted, cut short or replaced while the environments hold releases is found broken rather
 * than "intact: 0 records". Reads every declared environment that exists (an unprovisioned one is not created),
 * then the ledger once for all the records named.
 */
final class LedgerAnchors {
    private final DataProductSpec spec;
    private final Session session;
    private final Provisioning provisioning;

    LedgerAnchors(final DataProductSpec spec, final Session session, final Provisioning provisioning) {
        this.spec = spec;
        this.session = session;
        this.provisioning = provisioning;
    }

    /**
     * Checks every declared environment's anchored rows against the ledger.
     *
     * @return one check per declared environment, in the spec's order
     */
    List<AnchorCheck> check() {
        Ledger ledger = session.ledger();
        if (!ledger.isComplete()) {
            return List.of(); // a step's ledger holds only that step's records: rows never name them
        }
        Map<String, Map<Long, String>> named = new HashMap<>();
        List<AnchorCheck> unchecked = new ArrayList<>();
        for (String environment : spec.environments().keySet()) {
            try {
                named.put(environment, anchorsOf(environment));
            } catch (DataOpsException e) {
                unchecked.add(new AnchorCheck(environment, false, 0, List.of(), e.getMessage()));
            }
        }
        Set<Long> wanted = new HashSet<>();
        named.values().forEach(anchors -> wanted.addAll(anchors.keySet()));
        Map<Long, String> held = new HashMap<>();
        ledger.forEach(record -> {
            if (wanted.contains(record.sequence())) {
                held.put(record.sequence(), record.hash());
            }
        });
        List<AnchorCheck> checks = new ArrayList<>();
        for (String environment : spec.environments().keySet()) {
            Map<Long, String> anchors = named.get(environment);
            if (anchors == null) {
                unchecked.stream()
                        .filter(c -> c.environment().equals(environment))
                        .forEach(checks::add);
                continue;
            }
            TreeSet<Long> missing = new TreeSet<>();
            anchors.forEach((sequence, hash) -> {
                if (!hash.equals(held.get(sequence))) {
                    missing.add(sequence);
                }
            });
            checks.add(new AnchorCheck(environment, true, anchors.size(), List.copyOf(missing), ""));
        }
        return checks;
    }

    /** The records an environment's rows name, by sequence; empty when the environment was never provisioned. */
    private Map<Long, String> anchorsOf(final String environment) {
        if (provisioning.plan(PlanRequest.of(environment)).plan().count(ChangeAction.CREATE) > 0) {
            throw new DataOpsException("not provisioned: nothing to check");
        }
        DatabaseTarget target = provisioning.target(environment);
        Map<Long, String> anchors = new HashMap<>();
        for (HistoryEntry row : new ReleaseHistory(target).list(spec.product())) {
            EvidenceAnchors.anchorOf(row).ifPresent(a -> anchors.put(a.sequence(), a.hash()));
        }
        return anchors;
    }
}
