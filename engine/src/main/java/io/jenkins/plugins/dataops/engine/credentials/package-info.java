/** Credentials referenced by id from the spec, and the resolvers that turn ids into secrets. */
@NullMarked
package io.jenkins.plugins.dataops.engine.credentials;

import org.jspecify.annotations.NullMarked;
