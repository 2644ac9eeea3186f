/**
 * Deployments recorded by CI/CD, by POST /api/deployments or on heartbeat.deployments, through one idempotent upsert;
 * the rollback step asks {@link io.heartbeat.alert.deploy.DeploymentRepository#finishedWithin} which linked service
 * was just deployed. A deploy's rollback URL is a capability: stored, never returned by a read, never logged in full.
 * Imports no judging code (band, judge, episode, series).
 */
package io.heartbeat.alert.deploy;
