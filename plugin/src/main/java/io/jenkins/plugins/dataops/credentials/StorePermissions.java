package io.jenkins.plugins.dataops.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.ModelObject;
import hudson.model.User;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Who may use a form button of a credentials type: whoever may create or update credentials in the store the
 * form edits. A form's buttons post to the nearest model object that owns descriptors (core
 * {@code Descriptor.getCurrentDescriptorByNameUrl()}): the folder or job, the user (a personal store), or Jenkins.
 * The stores of exactly that context decide with their own permission check (a user's store allows its user, a
 * folder's store the folder's {@link CredentialsProvider#CREATE}/{@link CredentialsProvider#UPDATE}, the system
 * store the same permissions on Jenkins), so a user verifying their own credentials needs no Administer.
 */
final class StorePermissions {
    private StorePermissions() {}

    /**
     * Returns the context a form request comes from.
     *
     * @param item the item in the request's path, if any (the nearest wins)
     * @param user the user in the request's path, if any
     * @return the context
     */
    static ModelObject context(@CheckForNull final Item item, @CheckForNull final User user) {
        if (item != null) {
            return item;
        }
        return user != null ? user : Jenkins.get();
    }

    /**
     * Checks that the current user may create or update credentials in a store of the context.
     *
     * @param context the context the form edits credentials in
     * @throws org.springframework.security.access.AccessDeniedException when they may not
     */
    static void checkMayConfigureCredentialsIn(final ModelObject context) {
        List<CredentialsStore> stores = new ArrayList<>();
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() == context) {
                stores.add(store);
            }
        }
        if (stores.isEmpty()) {
            // no store here (e.g. a job): the credentials go to a parent's store, chosen in the dialog
            if (context instanceof Item item) {
                item.checkPermission(Item.CONFIGURE);
            } else {
                Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            }
            return;
        }
        for (CredentialsStore store : stores) {
            if (store.hasPermission(CredentialsProvider.CREATE) || store.hasPermission(CredentialsProvider.UPDATE)) {
                return;
            }
        }
        stores.get(0).checkPermission(CredentialsProvider.CREATE); // throws, naming the permission
    }
}
