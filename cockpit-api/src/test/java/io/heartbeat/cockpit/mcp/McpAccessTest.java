package io.heartbeat.cockpit.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.heartbeat.cockpit.Tokens;
import io.heartbeat.cockpit.rest.ClosedReads;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.MultiMap;

/** With reads closed, as in prod, /mcp obeys the rule of GET /api/...: a token whose groups hold a reader role. */
@QuarkusTest
@TestProfile(ClosedReads.class)
class McpAccessTest {

  static final String INITIALIZE = """
      {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
       "capabilities": {}, "clientInfo": {"name": "curl", "version": "1"}}}
      """;

  @TestHTTPResource
  URI uri;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "no token,              401",
      "viewer,                200",
      "operator,              200",
      "admin,                 200",
      "no reader group,       403",
      "expired,               401",
      "signed by another key, 401"})
  void shouldAdmitOnlyReadersToTheStreamableEndpoint(String kind, int status) {
    String token = switch (kind) {
      case "viewer" -> Tokens.of("victor", "viewer");
      case "operator" -> Tokens.of("olga", "operator");
      case "admin" -> Tokens.of("ada", "admin");
      case "no reader group" -> Tokens.of("una", "auditor");
      case "expired" -> Tokens.expired("victor", "viewer");
      case "signed by another key" -> Tokens.signedByAnotherKey("victor", "viewer");
      default -> null;
    };
    var request = given().contentType("application/json").accept("application/json, text/event-stream")
        .body(INITIALIZE);
    if (token != null) {
      request.auth().oauth2(token);
    }
    var response = request.post("/mcp").then().statusCode(status);
    if (status == 401) {
      response.header("WWW-Authenticate", startsWith("Bearer"));
    }
  }

  @Test
  void shouldRefuseTheSseTransportAndAToolCallWithoutAToken() {
    given().accept("text/event-stream").get("/mcp/sse").then().statusCode(401);
    // A session opened with a token does not let a tokenless request in under its session id.
    McpStreamableTestClient reader = McpAssured.newStreamableClient().setBaseUri(uri)
        .setAdditionalHeaders(m -> MultiMap.caseInsensitiveMultiMap()
            .add("Authorization", "Bearer " + Tokens.of("victor", "viewer")))
        .build().connect();
    try {
      reader.when().toolsCall("list_heartbeats", Map.of(), r -> assertFalse(r.isError())).thenAssertResults();
      given().contentType("application/json").accept("application/json, text/event-stream")
          .header("Mcp-Session-Id", reader.mcpSessionId())
          .body("""
              {"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "list_heartbeats",
               "arguments": {}}}
              """)
          .post("/mcp").then().statusCode(401);
    } finally {
      reader.disconnect();
    }
  }

  @Test
  void shouldFailToConnectWithoutAToken() {
    McpAssured.newStreamableClient().setBaseUri(uri)
        .setExpectConnectFailure(failure -> {
          assertEquals(401, failure.statusCode());
          assertTrue(failure.firstHeader("WWW-Authenticate").startsWith("Bearer"));
        })
        .build().connect();
  }
}
