package io.heartbeat.registry.service;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An operator edit refused, with the HTTP status and the field at fault, so the caller can fix the request. A 422
 * carries every field problem of the request at once, so one round trip shows everything to fix.
 */
public class EditRejected extends RuntimeException {

  /** One request field and what is wrong with it. */
  public record FieldProblem(String field, String message) {
  }

  private final int status;
  private final String field;
  private final List<FieldProblem> problems;

  public EditRejected(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
    this.problems = status == 422 ? List.of(new FieldProblem(field, message)) : List.of();
  }

  /** A 422 naming each field at fault; the message lists them all for clients that read only the detail. */
  public EditRejected(List<FieldProblem> problems) {
    super(problems.size() == 1 ? problems.get(0).message() : problems.size() + " fields need fixing: "
        + problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
    this.status = 422;
    this.field = problems.size() == 1 ? problems.get(0).field() : null;
    this.problems = List.copyOf(problems);
  }

  public int status() {
    return status;
  }

  /** The field at fault when there is exactly one; null when a 422 names several (see {@link #problems()}). */
  public String field() {
    return field;
  }

  /** Every field problem of a 422, in the order of the request's fields; empty for other statuses. */
  public List<FieldProblem> problems() {
    return problems;
  }
}
