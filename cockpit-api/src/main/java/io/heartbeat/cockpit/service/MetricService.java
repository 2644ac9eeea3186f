package io.heartbeat.cockpit.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.cockpit.model.MetricDefinition;
import io.heartbeat.cockpit.model.MetricView;
import io.heartbeat.cockpit.model.Movers;
import io.heartbeat.cockpit.model.SeriesPoint;
import io.heartbeat.cockpit.model.SeriesView;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.repository.AlertRepository;
import io.heartbeat.cockpit.repository.DeploymentRepository;
import io.heartbeat.cockpit.repository.MetricRepository;
import io.heartbeat.cockpit.repository.SeriesRepository;
import io.heartbeat.cockpit.repository.SliceRepository;
import io.heartbeat.cockpit.repository.SliceRepository.SlicePoint;
import io.smallrye.mutiny.Uni;

/** A metric's definition, its series for charts and its top moving slices. */
@ApplicationScoped
public class MetricService {

  private final MetricRepository metrics;
  private final SeriesRepository series;
  private final SliceRepository slices;
  private final AlertRepository alerts;
  private final DeploymentRepository deployments;
  private final TileService tiles;
  private final ObjectMapper mapper;

  public MetricService(MetricRepository metrics, SeriesRepository series, SliceRepository slices,
      AlertRepository alerts, DeploymentRepository deployments, TileService tiles, ObjectMapper mapper) {
    this.metrics = metrics;
    this.series = series;
    this.slices = slices;
    this.alerts = alerts;
    this.deployments = deployments;
    this.tiles = tiles;
    this.mapper = mapper;
  }

  /** A definition as published, read into the modelled fields; 404 when the metric is not in the registry. */
  public Uni<Defined> definition(String metricId) {
    return metrics.find(metricId).map(found -> {
      MetricRepository.Stored stored = found.orElseThrow(
          () -> new NotFoundException("No metric with id " + metricId + " in the registry"));
      try {
        return new Defined(stored.version(), mapper.readValue(stored.definition().encode(), MetricDefinition.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("stored definition of " + metricId + " unreadable", e);
      }
    });
  }

  /** A definition with its version. */
  public record Defined(String version, MetricDefinition definition) {
  }

  public Uni<MetricView> metric(String metricId) {
    return definition(metricId).chain(d -> tiles.shown(metricId).map(tile -> MetricView.of(metricId, d.version(),
        d.definition(), tile.orElseThrow(() -> new NotFoundException("No metric with id " + metricId)))));
  }

  /** The series of the total (dimension null) or of one slice over [from, to), at most maxPoints points. */
  public Uni<SeriesView> series(String metricId, String dimension, Instant from, Instant to, int maxPoints) {
    return definition(metricId).chain(defined -> {
      MetricDefinition d = defined.definition();
      Uni<List<SeriesPoint>> windows = dimension == null ? series.between(metricId, from, to)
          : slices.between(metricId, dimension, from, to);
      List<String> linked = d.linkedServices() == null ? List.of() : d.linkedServices();
      return Uni.combine().all().unis(windows,
              alerts.overlapping(metricId, dimension == null ? "*" : dimension, from, to),
              deployments.of(linked, from, to))
          .asTuple().map(t -> {
            boolean higher = !"lower_is_better".equals(d.direction());
            List<SeriesView.Episode> episodes = new ArrayList<>();
            t.getItem2().forEach(row -> episodes.add(new SeriesView.Episode(row.getString("dedup_key"),
                row.getOffsetDateTime("episode_start").toInstant(),
                row.getOffsetDateTime("resolved_at") == null ? null : row.getOffsetDateTime("resolved_at").toInstant(),
                Status.fromWire(row.getString("worst_status")))));
            List<SeriesView.Deploy> deploys = t.getItem3().stream().map(x -> new SeriesView.Deploy(x.service(),
                x.version(), x.finishedAt(), x.commit(), x.author())).toList();
            return new SeriesView(metricId, dimension, from, to, d.period(),
                Downsampler.windowsPerPoint(t.getItem1().size(), maxPoints), d.normValue(), d.alertValue(),
                d.direction(), d.unit(), Downsampler.downsample(t.getItem1(), maxPoints, higher), episodes, deploys);
          });
    });
  }

  /** Every slice at the window (the latest judged when at is null), the biggest loss first. */
  public Uni<Movers> movers(String metricId, Instant at) {
    return definition(metricId).chain(defined -> {
      boolean higher = !"lower_is_better".equals(defined.definition().direction());
      Uni<Instant> window = at != null ? Uni.createFrom().item(at) : slices.latestWindow(metricId);
      return window.chain(w -> w == null ? Uni.createFrom().item(new Movers(metricId, null, List.of()))
          : slices.at(metricId, w).map(points -> new Movers(metricId, w, rank(points, higher))));
    });
  }

  static List<Movers.Mover> rank(List<SlicePoint> points, boolean higherIsBetter) {
    List<Movers.Mover> movers = new ArrayList<>(points.size());
    for (SlicePoint p : points) {
      int eq = p.series().indexOf('=');
      String kind = eq < 0 ? p.series() : p.series().substring(0, eq);
      String value = eq < 0 ? "" : p.series().substring(eq + 1);
      Double delta = p.value() == null || p.expected() == null ? null : p.value() - p.expected();
      Double percent = delta == null || p.expected() == 0 ? null : Math.round(1000 * delta / p.expected()) / 10.0;
      movers.add(new Movers.Mover(kind, value, p.series(), p.value(), p.expected(), delta, percent, p.status()));
    }
    // The loss on the bad side first: most negative delta for higher_is_better, most positive for lower_is_better.
    Comparator<Movers.Mover> byLoss = Comparator.comparingDouble(m -> m.delta() == null ? 0
        : higherIsBetter ? m.delta() : -m.delta());
    movers.sort(byLoss.thenComparing(Movers.Mover::series));
    return movers;
  }

  /** A query parameter read as an instant, or the default when absent; 400 naming the parameter when unreadable. */
  public static Instant parse(String name, String text, Instant otherwise) {
    return instant("query parameter '" + name + "'", text, otherwise);
  }

  /** Text read as an instant, or the default when absent; 400 naming what was unreadable. */
  public static Instant instant(String what, String text, Instant otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return Instant.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new jakarta.ws.rs.BadRequestException(what + " must be an ISO-8601 instant such as"
          + " 2026-12-06T14:00:00Z, got '" + text + "'");
    }
  }

  /** The range's start before its end; 400 naming both otherwise (what: "query parameter" or "argument"). */
  public static void ordered(String what, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new jakarta.ws.rs.BadRequestException(what + " 'from' (" + from + ") must be before 'to' (" + to + ")");
    }
  }

  /** A slice as kind=value (customer, region or platform), null when absent; 400 naming what was unreadable. */
  public static String slice(String what, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!text.matches("(customer|region|platform)=.+")) {
      throw new jakarta.ws.rs.BadRequestException(what + " must be kind=value with kind customer, region or"
          + " platform (e.g. customer=acme), got '" + text + "'");
    }
    return text;
  }
}
