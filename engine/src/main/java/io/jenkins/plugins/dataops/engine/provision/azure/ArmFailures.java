package io.jenkins.plugins.dataops.engine.provision.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.util.List;
import java.util.Locale;

/**
 * Turns what the Azure SDK throws into one clear line naming the action and the resource, with the advice
 * that fits: credentials for 401, role assignments for 403, quota, name conflicts. Secrets are scrubbed.
 */
final class ArmFailures {
    private static final int BAD_REQUEST = 400;
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int CONFLICT = 409;
    private static final int MAX_DETAIL = 400;

    private final String principal;
    private final List<String> secrets;

    /**
     * Creates the translator.
     *
     * @param principal names the service principal in advice, e.g. {@code credentials 'azure-prod'}
     * @param secrets   values that must never reach a message
     */
    ArmFailures(final String principal, final List<String> secrets) {
        this.principal = principal;
        this.secrets = List.copyOf(secrets);
    }

    /**
     * Translates a failure.
     *
     * @param action what was being done, e.g. {@code create SQL server 'sql-x' in resource group 'rg-x'}
     * @param failure what the SDK threw
     * @return the exception to throw
     */
    DataOpsException translate(final String action, final RuntimeException failure) {
        // The SDK's own exception text may quote request bodies: keep its stack trace, but only a scrubbed message.
        DataOpsException cause =
                new DataOpsException(failure.getClass().getSimpleName() + ": " + scrub(oneLine(failure.getMessage())));
        cause.setStackTrace(failure.getStackTrace());
        return new DataOpsException(scrub(describe(action, failure)), cause);
    }

    private String describe(final String action, final RuntimeException failure) {
        if (failure instanceof ClientAuthenticationException) {
            return "Azure rejected the login of the service principal (%s) while trying to %s: %s. Check its tenant, client id, client secret and cloud."
                    .formatted(principal, action, oneLine(failure.getMessage()));
        }
        if (failure instanceof HttpResponseException http && http.getResponse() != null) {
            int status = http.getResponse().getStatusCode();
            String code = errorCode(http);
            String detail = errorMessage(http);
            // A long-running operation that ended Failed arrives with the status of its last poll (200).
            String kind = status < BAD_REQUEST ? "operation ended Failed" : String.valueOf(status);
            String reason = "(" + kind + (code.isEmpty() ? "" : " " + code) + "): " + detail;
            if (status == UNAUTHORIZED) {
                return "Azure rejected the login of the service principal (%s) while trying to %s %s. Check its tenant, client id, client secret and cloud."
                        .formatted(principal, action, reason);
            }
            if (status == FORBIDDEN || "AuthorizationFailed".equalsIgnoreCase(code)) {
                return "The service principal (%s) is not allowed to %s %s. Grant it the role described in docs/azure.md on the resource group or subscription."
                        .formatted(principal, action, reason);
            }
            if (code.toLowerCase(Locale.ROOT).contains("quota")) {
                return "Azure quota exceeded: cannot %s %s. Raise the quota or choose another region or SKU."
                        .formatted(action, reason);
            }
            if (status == CONFLICT || code.contains("AlreadyExists") || code.contains("NameNotAvailable")) {
                return "Name conflict: cannot %s %s. Logical server names are global across Azure; choose another name."
                        .formatted(action, reason);
            }
            return "Azure could not %s %s.".formatted(action, reason);
        }
        return "Azure could not %s: %s.".formatted(action, oneLine(failure.getMessage()));
    }

    private static String errorCode(final HttpResponseException http) {
        ManagementError error = http instanceof ManagementException m ? m.getValue() : null;
        return error == null || error.getCode() == null ? "" : error.getCode();
    }

    private String errorMessage(final HttpResponseException http) {
        ManagementError error = http instanceof ManagementException m ? m.getValue() : null;
        String message = error == null || error.getMessage() == null ? http.getMessage() : error.getMessage();
        return oneLine(message);
    }

    private String oneLine(final String text) {
        if (text == null || text.isBlank()) {
            return "no details";
        }
        // One line, and without a final full stop: the sentence around it adds its own. Scrubbed before it is
        // cut, so that a cut through a secret cannot leave a part of it behind.
        String line = scrub(text).replaceAll("\\s+", " ").trim().replaceAll("\\.+$", "");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
    }

    private String scrub(final String text) {
        String result = text;
        for (String secret : secrets) {
            result = SecretScrubber.scrub(result, secret);
        }
        return result;
    }
}
