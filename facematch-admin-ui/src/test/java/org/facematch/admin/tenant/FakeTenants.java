package org.facematch.admin.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.boundary.TenantAdministration;
import org.facematch.tenant.entity.ConsoleActor;
import org.facematch.tenant.entity.ModelVersion;
import org.facematch.tenant.entity.TenantId;
import org.facematch.tenant.entity.TenantOverview;
import org.facematch.tenant.entity.TenantSettings;
import org.facematch.tenant.entity.VersionedSettings;

/** The boundary without a database: a fixed number of tenants, and every call remembered. */
class FakeTenantAdministration extends TenantAdministration {

  final List<String> calls = new ArrayList<>();
  int tenants = 1000;
  TenantSettings stored = TenantSettings.defaults(ModelVersion.LOCAL.id()).withEnabled(true);
  long version = 7;
  boolean someoneElseSaved;

  @Override
  public List<TenantOverview> list(ConsoleActor actor, String nameFilter, int offset, int limit) {
    actor.requireSupport();
    calls.add("list " + nameFilter + " " + offset + " " + limit);
    return IntStream.range(offset, Math.min(tenants, offset + limit))
        .mapToObj(i -> new TenantOverview("t" + i, "Tenant " + i, i % 2 == 0, i, ModelVersion.LOCAL.id(), 0.6, 0.8))
        .toList();
  }

  @Override
  public int count(ConsoleActor actor, String nameFilter) {
    actor.requireSupport();
    calls.add("count " + nameFilter);
    return tenants;
  }

  @Override
  public TenantOverview create(ConsoleActor actor, String id, String name) {
    actor.requireSupport();
    TenantId tenantId = new TenantId(id);
    calls.add("create " + tenantId + " " + name + " by " + actor.name());
    return new TenantOverview(tenantId.value(), name, false, 0, ModelVersion.LOCAL.id(), 0.6, 0.8);
  }

  @Override
  public void enable(ConsoleActor actor, TenantId tenantId, boolean on) {
    actor.requireSupport();
    calls.add("enable " + tenantId + " " + on + " by " + actor.name());
  }

  @Override
  public VersionedSettings settings(ConsoleActor actor, TenantId tenantId) {
    actor.requireTenant(tenantId);
    calls.add("settings " + tenantId);
    return new VersionedSettings(tenantId, "Demo tenant", stored, version);
  }

  @Override
  public VersionedSettings update(ConsoleActor actor, TenantId tenantId, TenantSettings wanted, long expectedVersion) {
    actor.requireTenant(tenantId);
    calls.add("update " + tenantId + " v" + expectedVersion + " " + wanted.verificationThreshold() + " " + wanted.maxFacesPerUser());
    if (someoneElseSaved) {
      throw new FaceMatchException(Problem.CONCURRENT_CHANGE, "Someone else changed these settings meanwhile.");
    }
    stored = wanted;
    version++;
    return new VersionedSettings(tenantId, "Demo tenant", stored, version);
  }
}
