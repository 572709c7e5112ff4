package org.facematch.admin.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.facematch.audit.entity.AuditNote;
import org.facematch.engine.entity.EngineChoice;
import org.facematch.kernel.entity.Access;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.kernel.entity.TenantSettings;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.TenantOverview;
import org.facematch.tenant.entity.VersionedSettings;

/** The boundary without a database: a fixed number of tenants, and every call remembered. */
class FakeTenants extends Tenants {

  final List<String> calls = new ArrayList<>();
  int tenants = 1000;
  TenantSettings stored = TenantSettings.defaults(EngineChoice.LOCAL.id()).withEnabled(true);
  long version = 7;
  boolean someoneElseSaved;

  @Override
  public List<TenantOverview> list(Caller actor, String nameFilter, int offset, int limit) {
    Access.SUPPORT.check(actor, null);
    calls.add("list " + nameFilter + " " + offset + " " + limit);
    return IntStream.range(offset, Math.min(tenants, offset + limit))
        .mapToObj(
            i ->
                new TenantOverview(
                    "t" + i, "Tenant " + i, i % 2 == 0, i, EngineChoice.LOCAL.id(), 0.6, 0.8))
        .toList();
  }

  @Override
  public int count(Caller actor, String nameFilter) {
    Access.SUPPORT.check(actor, null);
    calls.add("count " + nameFilter);
    return tenants;
  }

  @Override
  public TenantOverview create(Caller actor, String id, String name) {
    Access.SUPPORT.check(actor, null);
    TenantId tenantId = new TenantId(id);
    calls.add("create " + tenantId + " " + name + " by " + actor.name());
    return new TenantOverview(tenantId.value(), name, false, 0, EngineChoice.LOCAL.id(), 0.6, 0.8);
  }

  @Override
  public AuditNote enable(Caller actor, TenantId tenantId) {
    Access.SUPPORT.check(actor, null);
    calls.add("enable " + tenantId + " true by " + actor.name());
    return AuditNote.of("enabled");
  }

  @Override
  public AuditNote disable(Caller actor, TenantId tenantId) {
    Access.SUPPORT.check(actor, null);
    calls.add("enable " + tenantId + " false by " + actor.name());
    return AuditNote.of("disabled");
  }

  @Override
  public VersionedSettings settings(Caller actor, TenantId tenantId) {
    Access.SUPPORT_OR_OWN_TENANT.check(actor, tenantId);
    calls.add("settings " + tenantId);
    return new VersionedSettings(tenantId, "Demo tenant", stored, version, "");
  }

  @Override
  public VersionedSettings update(
      Caller actor, TenantId tenantId, TenantSettings wanted, long expectedVersion) {
    Access.SUPPORT_OR_OWN_TENANT.check(actor, tenantId);
    calls.add(
        "update "
            + tenantId
            + " v"
            + expectedVersion
            + " "
            + wanted.verificationThreshold()
            + " "
            + wanted.maxFacesPerUser());
    if (someoneElseSaved) {
      throw new FaceMatchException(
          Problem.CONCURRENT_CHANGE, "Someone else changed these settings meanwhile.");
    }
    stored = wanted;
    version++;
    return new VersionedSettings(tenantId, "Demo tenant", stored, version, "");
  }
}
