package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the parts of an Azure service principal before it is saved or used: tenant, client and subscription
 * are GUIDs, the secret is present and the cloud is one the engine knows. Messages never show the secret.
 */
public final class ServicePrincipalCheck {
    /** The clouds the engine knows, the default first. */
    public static final List<String> CLOUDS = List.of("AzureCloud", "AzureChinaCloud", "AzureUSGovernment");

    /**
     * The cloud names of the azure-credentials plugin's "Azure Service Principal" and the engine's names for them;
     * a blank name is that plugin's default, the public cloud.
     */
    public static final Map<String, String> AZURE_CREDENTIALS_CLOUDS = Map.of(
            "Azure", "AzureCloud",
            "Azure China", "AzureChinaCloud",
            "Azure US Government", "AzureUSGovernment");

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private ServicePrincipalCheck() {}

    /**
     * Says what is wrong with one GUID field.
     *
     * @param field the field's name for people, e.g. {@code Tenant ID}
     * @param value the value
     * @return the problem, empty when the value is a GUID
     */
    public static Optional<String> guidProblem(final String field, final String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            return Optional.of(
                    "%s is required; copy it from the app registration in the Azure portal.".formatted(field));
        }
        if (!GUID.matcher(text).matches()) {
            return Optional.of("%s '%s' is not a GUID; it looks like 00000000-0000-0000-0000-000000000000."
                    .formatted(field, text));
        }
        return Optional.empty();
    }

    /**
     * Says what is wrong with a cloud name.
     *
     * @param cloud the cloud; blank means the default
     * @return the problem, empty when the cloud is known
     */
    public static Optional<String> cloudProblem(final String cloud) {
        if (cloud == null || cloud.isBlank() || CLOUDS.contains(cloud.trim())) {
            return Optional.empty();
        }
        return Optional.of("Cloud '%s' is unknown; use one of %s.".formatted(cloud.trim(), CLOUDS));
    }

    /**
     * Lists every problem of a service principal.
     *
     * @param principal the service principal
     * @return the problems, empty when it is valid
     */
    public static List<String> problems(final ServicePrincipal principal) {
        List<String> problems = new ArrayList<>();
        guidProblem("Tenant ID", principal.tenantId()).ifPresent(problems::add);
        guidProblem("Client ID", principal.clientId()).ifPresent(problems::add);
        guidProblem("Subscription ID", principal.subscriptionId()).ifPresent(problems::add);
        if (principal.clientSecret().isBlank()) {
            problems.add("The client secret is required; create one under Certificates & secrets of the app.");
        }
        cloudProblem(principal.cloud()).ifPresent(problems::add);
        return problems;
    }

    /**
     * Maps the fields of an azure-credentials plugin "Azure Service Principal" to the engine's service principal
     * and checks it, so a build fails before the agent is called when the credentials cannot work.
     *
     * @param id          the credentials id, for messages
     * @param principal   its tenant, client id, secret and subscription, and its cloud name as that plugin
     *                    writes it (e.g. {@code Azure China}) in {@link ServicePrincipal#cloud()}
     * @param certificate whether it authenticates with a certificate instead of a client secret
     * @return the service principal with the engine's cloud name
     * @throws InvalidInputException naming the id and every problem, never the secret
     */
    public static ServicePrincipal fromAzureCredentials(
            final String id, final ServicePrincipal principal, final boolean certificate) {
        if (certificate) {
            throw new InvalidInputException(("Azure credentials '%s' authenticate with a certificate, which DataOps "
                            + "does not support; use a client secret in them or an 'Azure service principal "
                            + "(DataOps)' credential.")
                    .formatted(id));
        }
        String name = principal.cloud().trim();
        String cloud = name.isEmpty() ? CLOUDS.get(0) : AZURE_CREDENTIALS_CLOUDS.get(name);
        List<String> problems = new ArrayList<>();
        if (cloud == null) {
            problems.add("Cloud '%s' is not supported; use one of %s."
                    .formatted(
                            name,
                            AZURE_CREDENTIALS_CLOUDS.keySet().stream().sorted().toList()));
        }
        ServicePrincipal mapped = new ServicePrincipal(
                principal.tenantId().trim(),
                principal.clientId().trim(),
                principal.clientSecret(),
                principal.subscriptionId().trim(),
                cloud == null ? CLOUDS.get(0) : cloud);
        problems.addAll(problems(mapped));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    "Azure credentials '%s' cannot be used: %s Fix them in the credentials store."
                            .formatted(id, String.join(" ", problems)));
        }
        return mapped;
    }
}
