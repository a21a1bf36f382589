package io.jenkins.plugins.dataops.report;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * The plugin's permission: {@code DataOps/Audit} lets auditors read the governance report across jobs (only
 * the records of jobs they can read) and export it. Administrators have it implicitly.
 */
public final class GovernancePermissions {
    private static final ResourceBundleHolder TEXTS = ResourceBundleHolder.get(GovernancePermissions.class);

    /** The permission group shown in the authorization matrix. */
    public static final PermissionGroup GROUP =
            new PermissionGroup(GovernancePermissions.class, new Localizable(TEXTS, "group"));

    /** Read the cross-job governance report and export it. */
    public static final Permission AUDIT = new Permission(
            GROUP, "Audit", new Localizable(TEXTS, "audit"), Jenkins.ADMINISTER, PermissionScope.JENKINS);

    private GovernancePermissions() {}

    /** Loads this class early so that the permission appears in the authorization matrix. */
    @Initializer(after = InitMilestone.PLUGINS_STARTED, before = InitMilestone.EXTENSIONS_AUGMENTED)
    public static void register() {
        if (AUDIT.group != GROUP) {
            throw new IllegalStateException("DataOps permission " + AUDIT.getId() + " is in the wrong group");
        }
    }
}
