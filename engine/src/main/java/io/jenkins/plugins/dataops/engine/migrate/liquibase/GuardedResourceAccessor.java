package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

/** A resource accessor whose every resource is a {@link GuardedResource}: what it opens passes the boundary. */
final class GuardedResourceAccessor implements ResourceAccessor {
    private final ResourceAccessor delegate;
    private final ReadBoundary boundary;

    GuardedResourceAccessor(final ResourceAccessor delegate, final ReadBoundary boundary) {
        this.delegate = delegate;
        this.boundary = boundary;
    }

    @Override
    public @Nullable List<Resource> search(final String path, final SearchOptions options) throws IOException {
        return guard(delegate.search(path, options));
    }

    @Override
    public @Nullable List<Resource> search(final String path, final boolean recursive) throws IOException {
        return guard(delegate.search(path, recursive));
    }

    @Override
    public @Nullable List<Resource> getAll(final String path) throws IOException {
        return guard(delegate.getAll(path));
    }

    @Override
    public List<String> describeLocations() {
        return delegate.describeLocations();
    }

    @Override
    public void close() throws Exception {
        delegate.close();
    }

    /** Some accessors answer null for "none"; callers may add to the list, so it stays mutable. */
    private @Nullable List<Resource> guard(final @Nullable List<Resource> resources) {
        if (resources == null) {
            return null;
        }
        List<Resource> guarded = new ArrayList<>(resources.size());
        for (Resource resource : resources) {
            guarded.add(new GuardedResource(resource, boundary));
        }
        return guarded;
    }
}
