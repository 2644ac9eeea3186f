package io.heartbeat.alert.rest;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of deployments, newest first; next is the cursor of the following page, null on the last one. */
@RegisterForReflection
public record DeploymentPage(List<DeploymentView> items, String next) {
}
