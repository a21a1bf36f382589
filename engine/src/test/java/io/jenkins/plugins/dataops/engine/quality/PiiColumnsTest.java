package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sample columns are personal data, how a suite says so, and what a masked value keeps. */
class PiiColumnsTest {
    @TempDir
    Path dir;

    @Test
    void shouldMaskTheDefaultNamesWithoutCaseAndLeaveOtherColumns() {
        PiiColumns defaults = PiiColumns.defaults();

        assertThat(List.of(
                        "email",
                        "EMAIL",
                        "contact_email",
                        "phone_number",
                        "full_name",
                        "firstName",
                        "date_of_birth",
                        "birthday",
                        "SSN",
                        "iban",
                        "home_address",
                        "zip_code"))
                .allMatch(defaults::isPii);
        assertThat(List.of("id", "country", "status", "amount", "created_at", "ssn_checked"))
                .noneMatch(defaults::isPii);
    }

    @Test
    void shouldReadTheSuiteListMappingAndCheckFlags() {
        CheckSuite suite = load("""
                table: customer
                pii: { notes: true, full_name: false }
                checks:
                  - not_null: { column: email, pii: false }
                  - unique: { columns: [tax_ref, country], pii: true }
                """);

        PiiColumns pii = suite.pii();
        assertThat(pii.isPii("NOTES")).as("marked").isTrue();
        assertThat(pii.isPii("full_name")).as("default turned off").isFalse();
        assertThat(pii.isPii("EMAIL")).as("turned off on its check").isFalse();
        assertThat(pii.isPii("tax_ref")).isTrue();
        assertThat(pii.isPii("phone")).as("other defaults stay").isTrue();
        assertThat(load("table: customer\npii: [notes, remarks]\nchecks:\n  - row_count: { min: 1 }\n")
                        .pii()
                        .isPii("remarks"))
                .isTrue();
    }

    @Test
    void shouldRefuseUnclearDeclarationsNamingTheLine() {
        assertProblem(
                "table: customer\npii: { email: no }\nchecks:\n  - row_count: { min: 1 }\n",
                "line 2: key 'pii: { email: ... }' needs true or false, not 'no'");
        assertProblem(
                "table: customer\npii: { email: false }\nchecks:\n  - not_null: { column: email, pii: true }\n",
                "line 4: column 'email' is pii: true here but pii: false on line 2; say it once");
        assertProblem(
                "table: customer\nchecks:\n  - row_count: { min: 1, pii: true }\n",
                "line 3: unknown key 'pii' in check 'row_count'");
        assertProblem(
                "table: customer\npii:\nchecks:\n  - row_count: { min: 1 }\n",
                "line 2: key 'pii' needs a list of columns to mask, e.g. [email, phone], or a mapping");
    }

    @Test
    void shouldKeepNullLengthAndEqualityButNotTheValue() {
        PiiMask mask = PiiMask.forRun();

        String masked = mask.mask("ada@example.com");

        assertThat(masked).matches("\\[masked: 15 chars, id [0-9a-f]{12}]").doesNotContain("ada", "example");
        assertThat(mask.mask(null)).isNull();
        assertThat(mask.mask("ada@example.com")).as("equal values, equal ids").isEqualTo(masked);
        assertThat(mask.mask("bob@example.com")).isNotEqualTo(masked);
        assertThat(PiiMask.forRun().mask("ada@example.com"))
                .as("another run has another key, so a guess cannot be tested against a stored id")
                .isNotEqualTo(masked);
    }

    private CheckSuite load(final String text) {
        write(text);
        return CheckSuiteLoader.load(dir).get(0);
    }

    private void assertProblem(final String text, final String message) {
        write(text);
        assertThatThrownBy(() -> CheckSuiteLoader.load(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    private void write(final String text) {
        try {
            Files.writeString(dir.resolve("customer.yaml"), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
