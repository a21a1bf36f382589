/**
 * The {@code azure-sql} provider: resource group, logical SQL server, database and firewall rules through
 * Azure Resource Manager. This is the only package of the engine that may use the Azure SDK ({@code com.azure..});
 * everything it does goes through one {@link io.jenkins.plugins.dataops.engine.provision.azure.ArmConnection},
 * so tests point the real SDK at a local fake of Azure Resource Manager.
 */
@NullMarked
package io.jenkins.plugins.dataops.engine.provision.azure;

import org.jspecify.annotations.NullMarked;
