package io.heartbeat.alert.rest;

import java.util.List;

import io.heartbeat.alert.deploy.FieldProblem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem for a 422 with the extension member `errors`: every field problem of the request at once, one
 * entry per problem, as registry-service's PATCH answers.
 */
@RegisterForReflection
public record ValidationProblem(String type, String title, int status, String detail, String instance,
    List<FieldProblem> errors) {
}
