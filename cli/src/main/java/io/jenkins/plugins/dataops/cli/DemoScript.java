package io.jenkins.plugins.dataops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The steps of {@code dataops demo}: the commands a user would type through the example's lifecycle, each with
 * why it runs and the exit code it must have, and the few changes someone makes by hand (the drift to find).
 */
final class DemoScript {
    private static final String VIP = "ALTER TABLE customer ADD COLUMN vip BOOLEAN";

    private DemoScript() {}

    /**
     * One step: a {@code dataops} command, or SQL run by hand in an environment.
     *
     * @param why          the comment printed before it; empty for none
     * @param expectedExit the exit code the command must have
     * @param byHandIn     the environment a by-hand step changes; empty for a command
     * @param args         the command's arguments, or the by-hand step's one SQL statement
     */
    record Step(String why, int expectedExit, String byHandIn, List<String> args) {
        boolean isByHand() {
            return !byHandIn.isEmpty();
        }
    }

    static List<Step> steps(final Path folder) {
        List<Step> steps = new ArrayList<>();
        steps.add(cmd(
                "Infrastructure as code: create the embedded databases of dev, qat and prod.",
                0,
                "provision --env dev"));
        steps.add(cmd("", 0, "provision --env qat"));
        steps.add(cmd("", 0, "provision --env prod"));
        steps.add(cmd("Provisioning is idempotent: the plan now shows nothing to change.", 0, "plan --env dev"));
        steps.add(cmd(
                "What would a migration apply? Pending changesets with their readiness findings.",
                0,
                "status --env dev"));
        steps.add(cmd(
                "Release 1.0.0: migrate dev, test its data, promote it with that evidence.",
                0,
                "migrate --env dev --tag 1.0.0"));
        steps.add(cmd("", 0, "test --env dev"));
        steps.add(cmd("", 0, "promote --release 1.0.0 --from dev --to qat"));
        steps.add(cmd(
                "prod is protected: without an approval by someone else the gate refuses.",
                1,
                "promote --release 1.0.0 --from qat --to prod"));
        steps.add(cmd("", 0, "promote --release 1.0.0 --from qat --to prod --approved-by release-manager"));
        steps.addAll(drift());
        steps.addAll(release110(folder));
        steps.addAll(release120And130());
        steps.addAll(rollbackAndEphemeral());
        return steps;
    }

    private static List<Step> drift() {
        return List.of(
                byHand("Someone changes qat by hand, outside the changelog.", "qat", VIP),
                cmd(
                        "The drift check finds it: qat no longer looks like its changelog says (exit 1).",
                        1,
                        "drift --env qat"));
    }

    private static List<Step> release110(final Path folder) {
        return List.of(
                cmd("Release 1.1.0 takes the same road.", 0, "migrate --env dev --tag 1.1.0"),
                new Step(
                        "",
                        0,
                        "",
                        List.of(
                                "test",
                                "--env",
                                "dev",
                                "--junit",
                                folder.resolve("dev-tests.xml").toString())),
                cmd(
                        "...but qat has drifted: the drift gate refuses the promotion, with the findings as evidence.",
                        1,
                        "promote --release 1.1.0 --from dev --to qat"),
                byHand(
                        "Resolve the drift (here: undo the change; or add a changeset that makes it).",
                        "qat",
                        "ALTER TABLE customer DROP COLUMN vip"),
                cmd("", 0, "drift --env qat"),
                cmd("", 0, "promote --release 1.1.0 --from dev --to qat"),
                cmd("", 0, "promote --release 1.1.0 --from qat --to prod --approved-by release-manager"));
    }

    private static List<Step> release120And130() {
        return List.of(
                cmd(
                        "Release 1.2.0 holds a back-fill without rollback: the readiness check refuses it...",
                        1,
                        "migrate --env dev --tag 1.2.0"),
                cmd(
                        "...until it is explicitly allowed (recorded in the ledger).",
                        0,
                        "migrate --env dev --tag 1.2.0 --allow-no-rollback"),
                cmd(
                        "Its late import breaks four data promises: the tests fail, with samples as evidence...",
                        1,
                        "test --env dev"),
                cmd(
                        "...so the release is blocked at the first gate.",
                        1,
                        "promote --release 1.2.0 --from dev --to qat"),
                cmd(
                        "Release 1.3.0 takes the import back and renames customer.segment to tier; the impact analysis "
                                + "shows the checks that follow the rename.",
                        0,
                        "status --env dev --tag 1.3.0"),
                cmd("", 0, "migrate --env dev --tag 1.3.0"),
                cmd("", 0, "test --env dev"));
    }

    private static List<Step> rollbackAndEphemeral() {
        return List.of(
                cmd(
                        "An incident in prod? Roll it back to the release it ran before, verified by the data tests.",
                        0,
                        "rollback --env prod"),
                cmd("prod remembers every step inside its own database.", 0, "history --env prod"),
                cmd(
                        "A throw-away environment for a pull request: created, used, destroyed.",
                        0,
                        "provision --env pr-42 --ephemeral --ttl 2h"),
                cmd("", 0, "migrate --env pr-42 --tag 1.1.0"),
                cmd("", 0, "test --env pr-42"),
                cmd("", 0, "destroy --env pr-42"),
                cmd("gc destroys ephemeral environments whose time is up (none left here).", 0, "gc"),
                cmd("Every step above is in the hash-chained governance ledger.", 0, "verify-ledger"),
                cmd("The governance report: timeline, records, evidence, integrity.", 0, "report"));
    }

    /** A command whose arguments contain no blank (the only path argument is built separately). */
    private static Step cmd(final String why, final int expectedExit, final String line) {
        return new Step(why, expectedExit, "", Arrays.asList(line.split(" ")));
    }

    private static Step byHand(final String why, final String environment, final String sql) {
        return new Step(why, 0, environment, List.of(sql));
    }
}
