package io.heartbeat.alert.rest;

import java.util.List;
import java.util.stream.Collectors;

import io.heartbeat.alert.deploy.FieldProblem;

/** A deployment body refused with 422: every field at fault; the message lists them for clients reading only it. */
class DeploymentRejected extends RuntimeException {

  private final List<FieldProblem> problems;

  DeploymentRejected(List<FieldProblem> problems) {
    super(problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
        : problems.size() + " fields need fixing: "
            + problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
        null, false, false);
    this.problems = List.copyOf(problems);
  }

  List<FieldProblem> problems() {
    return problems;
  }
}
