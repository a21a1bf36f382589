package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import liquibase.resource.OpenOptions;
import liquibase.resource.Resource;

/**
 * A resource that asks the {@link ReadBoundary} before it is opened, and whose relatives ({@code sqlFile} beside a
 * changelog) are guarded the same way. Never written: reading a changelog changes no file.
 */
final class GuardedResource implements Resource {
    private final Resource delegate;
    private final ReadBoundary boundary;

    GuardedResource(final Resource delegate, final ReadBoundary boundary) {
        this.delegate = delegate;
        this.boundary = boundary;
    }

    @Override
    public String getPath() {
        return delegate.getPath();
    }

    @Override
    public InputStream openInputStream() throws IOException {
        URI uri = delegate.getUri();
        if (uri == null || !"file".equals(uri.getScheme())) {
            throw new IOException("Resource '" + getPath() + "' is not a file of the product; it is not read.");
        }
        if (!boundary.admit(Path.of(uri))) {
            throw new IOException("Resource '" + getPath() + "' lies outside the product; it is not read.");
        }
        return delegate.openInputStream();
    }

    @Override
    public boolean isWritable() {
        return false;
    }

    @Override
    public boolean exists() {
        return delegate.exists();
    }

    @Override
    public Resource resolve(final String other) {
        return new GuardedResource(delegate.resolve(other), boundary);
    }

    @Override
    public Resource resolveSibling(final String other) {
        return new GuardedResource(delegate.resolveSibling(other), boundary);
    }

    @Override
    public OutputStream openOutputStream(final OpenOptions openOptions) throws IOException {
        throw new IOException("Resource '" + getPath() + "' is read only while the changelog is read.");
    }

    @Override
    public URI getUri() {
        return delegate.getUri();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof GuardedResource guarded && delegate.equals(guarded.delegate);
    }

    @Override
    public int hashCode() {
        return delegate.hashCode();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
