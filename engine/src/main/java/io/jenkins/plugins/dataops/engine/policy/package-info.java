/**
 * The decisions a front end (the Jenkins plugin) makes around an engine call, kept here so they are plain Java
 * and tested on every machine: what the spec says about credentials and protection, the administrator's
 * environment rules, the {@code failOn} verdict, who may approve a promotion, how records are masked, flattened
 * and chained, and what a valid service principal looks like. The front end only supplies what it alone knows
 * (users, groups, the realm's id comparison, stored credentials).
 */
package io.jenkins.plugins.dataops.engine.policy;
