/** Architecture rules of the engine, checked by ArchUnit over the compiled classes. */
@NullMarked
package io.jenkins.plugins.dataops.engine.archunit;

import org.jspecify.annotations.NullMarked;
