package org.facematch.blacklist.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.facematch.audit.boundary.AuditTrail;
import org.facematch.audit.boundary.CallAudit;
import org.facematch.collection.control.FaceLookup;
import org.facematch.collection.entity.BlacklistState;
import org.facematch.collection.entity.Face;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.Roles;
import org.facematch.tenant.entity.TenantId;
import org.facematch.tenant.entity.TenantSettings;

/** Faces a tenant refuses to onboard again; searches that hit them are declined or reviewed. */
@Stateless
public class Blacklist {

  public static final int MAX_REASON = 500;

  @Inject Tenants tenants;
  @Inject FaceLookup faces;
  @Inject AuditTrail audit;
  @Inject CallAudit call;

  /** Idempotent: blacklisting a blacklisted face changes nothing and answers its state. */
  @RolesAllowed(Roles.KYC_CREATE)
  public BlacklistState add(TenantId tenantId, String faceId, String reason, String actor) {
    TenantSettings settings = tenants.requireEnabled(tenantId);
    if (!settings.enableBlacklist()) {
      throw new FaceMatchException(Problem.FEATURE_NOT_ENABLED, "The blacklist is disabled for this tenant");
    }
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "reason is required, at most " + MAX_REASON + " characters");
    }
    Face face = faces.find(tenantId, faceId);
    face.blacklist(reason.strip(), actor);
    call.face(face.id());
    call.details("reason: " + face.blacklistState().reason());
    audit.succeeded();
    return face.blacklistState();
  }
}
