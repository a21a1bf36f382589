/** Credentials referenced by id from the spec, and the resolvers that turn ids into secrets. */
package io.jenkins.plugins.dataops.engine.credentials;
