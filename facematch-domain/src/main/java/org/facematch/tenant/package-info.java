/**
 * Tenants, their face-matching settings and the console's users. A tenant is identified by the
 * {@code tenant_id} claim of the caller's token; it starts disabled (support enables it), and an
 * unknown tenant is answered exactly like a disabled one so the API never reveals which tenants
 * exist.
 *
 * <p>The console authenticates its users itself: the EAR's container mechanism is the API's
 * MP-JWT, and Payara resolves one per application. Console boundaries therefore take the
 * signed-in {@link org.facematch.tenant.entity.ConsoleActor} and check it themselves, behind the
 * console's own view access control: support staff act on every tenant's settings and counts,
 * tenant admins on their own tenant only, and faces are seen by the tenant's own admins only.
 * Settings changes evict the tenant from the settings cache after commit. The engines offered as
 * {@code model_version} are listed once, in {@link org.facematch.tenant.entity.ModelVersion}.
 */
package org.facematch.tenant;
