package io.heartbeat.compute.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;

/** This instance's name in compute.window_run.computed_by: configured, else host (pod) name and process id. */
@ApplicationScoped
public class InstanceId {

  private final String value;

  public InstanceId(ComputeConfig config) {
    this.value = config.instanceId().filter(id -> !id.isBlank()).orElseGet(InstanceId::hostAndPid);
  }

  public String value() {
    return value;
  }

  private static String hostAndPid() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "unknown";
      }
    }
    return host + ":" + ProcessHandle.current().pid();
  }
}
