package io.heartbeat.compute.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.model.WindowRun;
import io.heartbeat.compute.repository.WindowRunRepository;
import io.heartbeat.compute.repository.WindowRunRepository.Claim;
import io.heartbeat.compute.repository.WindowRunRepository.Key;
import io.smallrye.mutiny.Uni;

/**
 * Claims windows in compute.window_run before their observations are published, many per INSERT (one commit
 * for all the windows computed within a few milliseconds). A claim is won by exactly one computation.
 */
@ApplicationScoped
public class WindowClaims {

  private final Batching<Claim, Boolean> batching;

  public WindowClaims(WindowRunRepository runs) {
    this.batching = new Batching<>(256, Duration.ofMillis(5), claims -> claim(runs, claims));
  }

  /** @return false when the window already had a row: another computation won, this one must not publish */
  public Uni<Boolean> claim(WindowRun run, String payload) {
    return batching.submit(new Claim(run, payload));
  }

  private static Uni<List<Boolean>> claim(WindowRunRepository runs, List<Claim> claims) {
    // The same window twice in one batch (two computations racing in this instance): only the first may win.
    Set<Key> seen = new HashSet<>();
    List<Claim> distinct = new ArrayList<>();
    for (Claim claim : claims) {
      if (seen.add(claim.key())) {
        distinct.add(claim);
      }
    }
    return runs.claimAll(distinct).map(inserted -> {
      Set<Key> granted = new HashSet<>(inserted);
      List<Boolean> results = new ArrayList<>(claims.size());
      for (Claim claim : claims) {
        results.add(granted.remove(claim.key()));
      }
      return results;
    });
  }
}
