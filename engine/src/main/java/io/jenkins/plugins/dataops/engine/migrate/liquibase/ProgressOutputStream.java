package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What Liquibase commands write to their output stream (the update summary), turned into progress lines
 * instead of reaching the process's standard output behind our back.
 */
final class ProgressOutputStream extends OutputStream {
    private final ProgressListener progress;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    ProgressOutputStream(final ProgressListener progress) {
        this.progress = progress;
    }

    @Override
    public void write(final int b) {
        if (b == '\n') {
            flushLine();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public void flush() {
        // lines are emitted whole, on their line break or on close
    }

    @Override
    public void close() {
        flushLine();
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (!text.isEmpty()) {
            progress.info("Liquibase: " + text);
        }
    }
}
