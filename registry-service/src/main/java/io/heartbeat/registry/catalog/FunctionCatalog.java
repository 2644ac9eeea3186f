package io.heartbeat.registry.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Looks functions up in pg_proc of the marts database, connected as the role compute-service runs value_sql as, so
 * an unqualified name resolves through exactly the search path (current_schemas, pg_catalog first) and privileges
 * that role has there. One query per sync answers every name at once.
 */
@ApplicationScoped
public class FunctionCatalog {

  // Unqualified names: every schema of the session's search path, since PostgreSQL weighs all overloads found there.
  private static final String LOOKUP = """
      select w.ord, p.oid::regprocedure::text, p.provolatile::text, p.prokind::text,
        coalesce(has_schema_privilege(n.oid, 'USAGE') and has_function_privilege(p.oid, 'EXECUTE'), false),
        array_to_string(current_schemas(true), ', '), current_user::text
      from unnest($1::text[], $2::text[]) with ordinality as w(schema_name, fn, ord)
      left join (pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace)
        on p.proname = w.fn
        and case when w.schema_name = '' then n.nspname = any (current_schemas(true)) else n.nspname = w.schema_name end
      order by w.ord, 2
      """;

  private final Pool marts;
  private final Duration timeout;

  public FunctionCatalog(@ReactiveDataSource("marts") Pool marts,
      @ConfigProperty(name = "registry.catalog.timeout", defaultValue = "10s") Duration timeout) {
    this.marts = marts;
    this.timeout = timeout;
  }

  /** Fails with {@link CatalogUnavailable} when the marts database does not answer within the timeout. */
  public Uni<Catalog> lookUp(Set<FunctionName> names) {
    List<FunctionName> wanted = new ArrayList<>(names);
    String[] schemas = wanted.stream().map(n -> n.schema() == null ? "" : n.schema()).toArray(String[]::new);
    String[] functions = wanted.stream().map(FunctionName::name).toArray(String[]::new);
    return marts.preparedQuery(LOOKUP).execute(Tuple.of(schemas, functions))
        .ifNoItem().after(timeout).fail()
        .map(rows -> {
          Map<FunctionName, List<Catalog.Overload>> found = new HashMap<>();
          String path = "";
          String role = "";
          for (Row r : rows) {
            path = r.getString(5);
            role = r.getString(6);
            if (r.getString(1) != null) {
              found.computeIfAbsent(wanted.get(r.getLong(0).intValue() - 1), k -> new ArrayList<>())
                  .add(new Catalog.Overload(r.getString(1), r.getString(2).charAt(0), r.getString(3).charAt(0),
                      r.getBoolean(4)));
            }
          }
          return new Catalog(role, path, found);
        })
        .onFailure().transform(e -> new CatalogUnavailable(e));
  }
}
