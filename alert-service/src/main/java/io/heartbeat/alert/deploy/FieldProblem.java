package io.heartbeat.alert.deploy;

/** One field of a deployment, named as its sender spelled it, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
