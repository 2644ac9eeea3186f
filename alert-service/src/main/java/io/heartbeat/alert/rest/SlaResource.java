package io.heartbeat.alert.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.heartbeat.alert.service.SlaService;
import io.heartbeat.alert.sla.SlaReport;
import io.smallrye.mutiny.Uni;

/** The SLA ledger: red time of member metrics as downtime, merged, with this month's error budget. */
@Path("/api/slas/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {

  private final SlaService slas;

  public SlaResource(SlaService slas) {
    this.slas = slas;
  }

  @GET
  @Operation(summary = "Availability %, downtime minutes, incidents and error budget left this month of an SLA;"
      + " from/to are ISO-8601 instants, by default the start of this month (UTC) and now")
  public Uni<SlaReport> report(@PathParam("id") String id, @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Instant start = from == null ? slas.monthStart() : instant("from", from);
    Instant end = to == null ? slas.now() : instant("to", to);
    if (!start.isBefore(end)) {
      throw new BadRequestException("from must be before to");
    }
    return slas.known(id).chain(known -> {
      if (!known) {
        throw new NotFoundException("unknown SLA " + id);
      }
      return slas.report(id, start, end);
    });
  }

  private static Instant instant(String name, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
    }
  }
}
