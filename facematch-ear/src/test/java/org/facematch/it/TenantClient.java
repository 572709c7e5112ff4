package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;

/** A fresh tenant of the test stack with its two tokens, and the API calls tests make as it. */
record TenantClient(String id, String creator, String reader) {

  static TenantClient local() {
    String id = TestTenants.enabled();
    return new TenantClient(
        id, TestTenants.token(id, "kyc:create").mint(), TestTenants.token(id, "kyc:read").mint());
  }

  static TenantClient onRekognition() {
    TenantClient t = local();
    TestTenants.set(t.id, "model_version = 'rekognition'");
    return t;
  }

  /** Support's retention schedule for the tenant, as the console saves it. */
  TenantClient keeping(int faceDays, int reviewDays, int auditDays) {
    AuditTrails.update(
        "INSERT INTO tenant_retention (tenant_id, face_days, review_days, audit_days, updated_at,"
            + " updated_by) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3), 'support')",
        id,
        faceDays,
        reviewDays,
        auditDays);
    return this;
  }

  JsonObject register(byte[] image, String session) {
    Api.Reply reply =
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(image, session).build().toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  JsonObject search(byte[] image) {
    Api.Reply reply =
        Api.postJson("/kyc/facematch/search", reader, Requests.search(image).build().toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  Api.Reply delete(String path) {
    return Api.send(Api.authorized(HttpRequest.newBuilder(Api.uri(path)).DELETE(), creator));
  }
}
