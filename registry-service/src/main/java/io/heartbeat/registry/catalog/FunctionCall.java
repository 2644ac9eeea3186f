package io.heartbeat.registry.catalog;

/**
 * One call in a metric's value_sql: the name PostgreSQL looks up, whether it was written as a single unquoted word
 * (only then can it be SQL syntax such as COALESCE rather than a catalog function), and its line in the file.
 */
public record FunctionCall(FunctionName name, boolean bare, int line) {
}
