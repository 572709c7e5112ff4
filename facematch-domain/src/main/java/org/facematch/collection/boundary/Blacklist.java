package org.facematch.collection.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.AuditNote;
import org.facematch.audit.entity.Operation;
import org.facematch.collection.control.FaceLookup;
import org.facematch.collection.entity.BlacklistState;
import org.facematch.collection.entity.Face;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceEvent;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.kernel.entity.TenantSettings;
import org.facematch.tenant.boundary.Tenants;

/**
 * Faces a tenant refuses to onboard again; searches that hit them are declined or reviewed. The
 * API's back ends and the tenant's admins in the console blacklist the same way.
 */
@Stateless
public class Blacklist {

  public static final int MAX_REASON = 500;

  @Inject Tenants tenants;
  @Inject FaceLookup faces;
  @Inject Event<FaceEvent> events;

  /** Idempotent: blacklisting a blacklisted face changes nothing and answers its state. */
  @Audited(Operation.BLACKLIST)
  public BlacklistState add(Caller caller, String faceId, String reason) {
    TenantId tenant = caller.actingTenant();
    if (!settingsOf(caller).enableBlacklist()) {
      throw new FaceMatchException(
          Problem.FEATURE_NOT_ENABLED, "The blacklist is disabled for this tenant");
    }
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "reason is required, at most " + MAX_REASON + " characters");
    }
    if (faceId == null || faceId.isBlank()) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "face_id is required");
    }
    Face face = faces.find(tenant, faceId);
    if (face.blacklist(reason.strip(), caller.name())) {
      events.fire(new FaceEvent.Blacklisted(tenant, face.id(), face.blacklistState().reason()));
    }
    return face.blacklistState();
  }

  /** Takes a face off the blacklist; searches report it as an ordinary face again. */
  @Audited(Operation.UNBLACKLIST)
  public AuditNote remove(Caller caller, String faceId) {
    TenantId tenant = caller.actingTenant();
    Face face = faces.find(tenant, faceId);
    String reason = face.blacklistState().reason();
    if (face.removeFromBlacklist()) {
      events.fire(new FaceEvent.Unblacklisted(tenant, face.id()));
    }
    return new AuditNote(java.util.List.of(face.id()), "was: " + reason);
  }

  /** The API's caller carries the settings read for its request; the console's reads them now. */
  private TenantSettings settingsOf(Caller caller) {
    return caller.settings() != null
        ? caller.settings()
        : tenants.settingsOf(caller.actingTenant()).orElseThrow();
  }
}
