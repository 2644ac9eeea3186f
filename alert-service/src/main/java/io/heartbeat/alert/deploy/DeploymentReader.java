package io.heartbeat.alert.deploy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a deployment from the POST body (snake_case) or the heartbeat.deployments event (camelCase) with the same
 * rules, and names every field at fault at once, so a pipeline fixes them all in one round trip. Pure: no I/O.
 */
public final class DeploymentReader {

  /** How the sender spells the fields: the REST body in snake_case, the event in camelCase as docs/events does. */
  public enum Naming {
    API("started_at", "finished_at", "rollback_url", Set.of()),
    EVENT("startedAt", "finishedAt", "rollbackUrl", Set.of("schemaVersion", "id"));

    final String startedAt;
    final String finishedAt;
    final String rollbackUrl;
    final Set<String> envelope;

    Naming(String startedAt, String finishedAt, String rollbackUrl, Set<String> envelope) {
      this.startedAt = startedAt;
      this.finishedAt = finishedAt;
      this.rollbackUrl = rollbackUrl;
      this.envelope = envelope;
    }

    List<String> fields() {
      List<String> fields = new ArrayList<>(envelope.stream().sorted().toList());
      fields.addAll(List.of("service", "version", "environment", startedAt, finishedAt, "commit", "author",
          rollbackUrl));
      return fields;
    }
  }

  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  static final Pattern VERSION = Pattern.compile("[\\x21-\\x7e]{1,128}");
  static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
  static final int MAX_AUTHOR = 200;
  /** A deploy may not finish later than this after the service's clock says now (clock skew of the CI runner). */
  static final Duration SKEW = Duration.ofMinutes(5);

  private DeploymentReader() {
  }

  /** The deployment, or every problem of the body; now is the service clock's, for the finish-time check. */
  public static Parsed read(JsonNode body, Naming naming, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      return Parsed.refused(List.of(new FieldProblem("body", "must be a JSON object with fields "
          + naming.fields())));
    }
    List<String> known = naming.fields();
    for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(new FieldProblem(name, "unknown field: expected " + known));
      }
    }
    if (naming == Naming.EVENT) {
      JsonNode version = body.get("schemaVersion");
      if (version == null || !version.isInt() || version.intValue() != 1) {
        problems.add(new FieldProblem("schemaVersion", "must be 1"));
      }
    }
    String service = text(body, "service", problems, NAME, "must be lower-case letters, digits, '.', '_' or '-',"
        + " 1-100 characters, as in a metric's linked_services");
    String version = text(body, "version", problems, VERSION, "must be 1-128 printable characters without spaces");
    String environment = text(body, "environment", problems, NAME, "must be lower-case letters, digits, '.', '_'"
        + " or '-', 1-100 characters");
    Instant started = instant(body, naming.startedAt, problems);
    Instant finished = instant(body, naming.finishedAt, problems);
    if (started != null && finished != null && finished.isBefore(started)) {
      problems.add(new FieldProblem(naming.finishedAt, "must not be before " + naming.startedAt));
    }
    if (finished != null && finished.isAfter(now.plus(SKEW))) {
      problems.add(new FieldProblem(naming.finishedAt, "is in the future: a deployment is recorded once finished"));
    }
    String commit = text(body, "commit", problems, COMMIT, "must be a git commit sha: 7-64 lower-case hex digits");
    String author = author(body, problems);
    RollbackUrl rollback = rollbackUrl(body, naming.rollbackUrl, problems);
    if (!problems.isEmpty()) {
      return Parsed.refused(problems);
    }
    Deployment deployment = Deployment.of(service, version, environment, started, finished, commit, author,
        rollback);
    if (naming == Naming.EVENT) {
      JsonNode id = body.get("id");
      if (id == null || !id.isTextual() || !id.textValue().equals(deployment.id())) {
        return Parsed.refused(List.of(new FieldProblem("id", "must be sha256(service|environment|version|startedAt)"
            + " = " + deployment.id())));
      }
    }
    return new Parsed(deployment, List.of());
  }

  private static String text(JsonNode body, String field, List<FieldProblem> problems, Pattern pattern,
      String rule) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    if (!node.isTextual()) {
      problems.add(new FieldProblem(field, "must be a string"));
      return null;
    }
    if (!pattern.matcher(node.textValue()).matches()) {
      problems.add(new FieldProblem(field, rule));
      return null;
    }
    return node.textValue();
  }

  private static Instant instant(JsonNode body, String field, List<FieldProblem> problems) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    try {
      if (!node.isTextual()) {
        throw new DateTimeParseException("not a string", node.toString(), 0);
      }
      // PostgreSQL keeps microseconds: the id is made from the instant as stored, so a read-back compares equal.
      return OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
          .truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be an ISO-8601 date-time with offset, such as 2026-03-10T14:05:00Z"));
      return null;
    }
  }

  private static String author(JsonNode body, List<FieldProblem> problems) {
    JsonNode node = body.get("author");
    if (node == null || node.isNull()) {
      problems.add(new FieldProblem("author", "is required"));
      return null;
    }
    String author = node.isTextual() ? node.textValue().strip() : null;
    if (author == null || author.isEmpty() || author.length() > MAX_AUTHOR
        || author.chars().anyMatch(Character::isISOControl)) {
      problems.add(new FieldProblem("author", "must be a string of 1-" + MAX_AUTHOR
          + " characters without control characters"));
      return null;
    }
    return author;
  }

  // Optional: a deploy without a hook is recorded and listed, and its rollback is skipped.
  private static RollbackUrl rollbackUrl(JsonNode body, String field, List<FieldProblem> problems) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(new FieldProblem(field, "must be a string"));
      return null;
    }
    RollbackUrl.Result result = RollbackUrl.parse(node.textValue());
    if (result.url().isEmpty()) {
      problems.add(new FieldProblem(field, result.problem()));
      return null;
    }
    return result.url().get();
  }

  /** A deployment read, or the problems that kept it from being one. */
  public record Parsed(Deployment deployment, List<FieldProblem> problems) {

    static Parsed refused(List<FieldProblem> problems) {
      return new Parsed(null, List.copyOf(problems));
    }

    public boolean valid() {
      return deployment != null;
    }
  }
}
