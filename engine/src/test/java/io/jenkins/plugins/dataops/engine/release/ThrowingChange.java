package io.jenkins.plugins.dataops.engine.release;

import liquibase.change.custom.CustomSqlChange;
import liquibase.change.custom.CustomSqlRollback;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;

/**
 * A Liquibase custom change that throws an {@link Error} while it runs: what an out-of-memory error or a failed
 * assertion in a driver or extension looks like in the middle of a migration.
 */
public final class ThrowingChange implements CustomSqlChange, CustomSqlRollback {
    /** The message of the injected error. */
    public static final String MESSAGE = "injected in the middle of the migration";

    @Override
    public SqlStatement[] generateStatements(final Database database) {
        throw new AssertionError(MESSAGE);
    }

    @Override
    public SqlStatement[] generateRollbackStatements(final Database database) {
        return new SqlStatement[0]; // it never applies anything, so there is nothing to undo
    }

    @Override
    public String getConfirmationMessage() {
        return "never confirmed";
    }

    @Override
    public void setUp() {
        // nothing to prepare
    }

    @Override
    public void setFileOpener(final ResourceAccessor resourceAccessor) {
        // reads no files
    }

    @Override
    public ValidationErrors validate(final Database database) {
        return new ValidationErrors();
    }
}
