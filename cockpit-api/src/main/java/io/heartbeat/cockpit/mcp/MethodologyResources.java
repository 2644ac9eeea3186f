package io.heartbeat.cockpit.mcp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.heartbeat.cockpit.model.MetricDefinition;
import io.heartbeat.cockpit.repository.MetricRepository;
import io.heartbeat.cockpit.repository.MetricRepository.Listed;
import io.heartbeat.cockpit.service.MetricService;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceManager;
import io.quarkiverse.mcp.server.ResourceResponse;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.ResourceTemplateArg;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Each metric's methodology as an MCP resource (text/markdown): name, code, how to read it, how it is computed and
 * from which sources. Readable for any metric through the template; listed in resources/list for the metrics in the
 * registry, kept in step with it every cockpit.mcp.resource-sync (the registry topic feeds the table, not this class).
 */
@ApplicationScoped
public class MethodologyResources {

  static final String MIME = "text/markdown";

  private final MetricService metrics;
  private final MetricRepository repository;
  private final ResourceManager manager;
  /** Listed metric id to the title its resource was registered with; touched only by the serial sync. */
  private final Map<String, String> listed = new HashMap<>();

  public MethodologyResources(MetricService metrics, MetricRepository repository, ResourceManager manager) {
    this.metrics = metrics;
    this.repository = repository;
    this.manager = manager;
  }

  static String uri(String metricId) {
    return "heartbeat://metrics/" + metricId + "/methodology";
  }

  @ResourceTemplate(name = "metric_methodology", uriTemplate = "heartbeat://metrics/{metricId}/methodology",
      mimeType = MIME, description = "How to read a heartbeat metric and how it is computed (Markdown): name, code,"
          + " how_to_read, methodology and sources, from the registry's definition")
  Uni<TextResourceContents> methodology(@ResourceTemplateArg(name = "metricId") String metricId, RequestUri uri) {
    return read(metricId, uri.value());
  }

  private Uni<TextResourceContents> read(String metricId, String uri) {
    return metrics.definition(metricId).map(d -> new TextResourceContents(uri, markdown(metricId, d.definition()),
            MIME))
        .onFailure(NotFoundException.class).transform(e -> new McpException(e.getMessage(),
            JsonRpcErrorCodes.RESOURCE_NOT_FOUND));
  }

  static String markdown(String metricId, MetricDefinition d) {
    StringBuilder md = new StringBuilder()
        .append("# ").append(d.name()).append(" (").append(d.code()).append(")\n\n")
        .append("Metric id `").append(metricId).append("`; period ").append(d.period()).append(", unit ")
        .append(d.unit()).append(", ").append("lower_is_better".equals(d.direction()) ? "lower" : "higher")
        .append(" is better; stage ").append(d.stage())
        .append(d.owner() == null ? "" : "; owner " + d.owner()).append(".\n");
    section(md, "How to read", d.howToRead());
    section(md, "Methodology", d.methodology());
    md.append("\n## Sources\n\n");
    List<String> sources = d.sources() == null ? List.of() : d.sources();
    if (sources.isEmpty()) {
      md.append("None declared.\n");
    }
    sources.forEach(s -> md.append("- ").append(s).append('\n'));
    if (d.runbook() != null && !d.runbook().isBlank()) {
      section(md, "Runbook", d.runbook());
    }
    return md.toString();
  }

  private static void section(StringBuilder md, String title, String text) {
    md.append("\n## ").append(title).append("\n\n")
        .append(text == null || text.isBlank() ? "Not documented." : text.strip()).append('\n');
  }

  @Scheduled(every = "${cockpit.mcp.resource-sync:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sync() {
    return repository.listed().invoke(this::reconcile).replaceWithVoid()
        .onFailure().invoke(e -> Log.warnf("mcp resource sync failed: %s", e.getMessage()))
        .onFailure().recoverWithNull();
  }

  /** Registers a resource for each metric not listed yet (or renamed), removes those that left the registry. */
  synchronized void reconcile(List<Listed> inRegistry) {
    Map<String, String> wanted = new HashMap<>();
    inRegistry.forEach(m -> wanted.put(m.metricId(), m.name() + " (" + m.code() + ") methodology"));
    for (String gone : List.copyOf(listed.keySet())) {
      if (!listed.get(gone).equals(wanted.get(gone))) {
        manager.removeResource(uri(gone));
        listed.remove(gone);
      }
    }
    wanted.forEach((metricId, title) -> {
      if (!listed.containsKey(metricId)) {
        String uri = uri(metricId);
        manager.newResource("methodology_" + metricId).setUri(uri).setTitle(title).setMimeType(MIME)
            .setDescription("How to read " + title.replace(" methodology", "") + " and how it is computed")
            .setAsyncHandler(args -> read(metricId, uri).map(ResourceResponse::new))
            .register();
        listed.put(metricId, title);
      }
    });
  }
}
