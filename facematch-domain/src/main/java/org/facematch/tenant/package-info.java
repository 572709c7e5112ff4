/**
 * Tenants, their face-matching settings and the console's users. A tenant is identified by the
 * {@code tenant_id} claim of the caller's token; it starts disabled (support enables it), and an
 * unknown tenant is answered exactly like a disabled one so the API never reveals which tenants
 * exist. The API reads a tenant's settings once per request into its {@link
 * org.facematch.kernel.entity.Caller}; nothing caches them, so a change holds for the next request
 * on every node.
 *
 * <p>The console authenticates its users itself: the EAR's container mechanism is the API's MP-JWT,
 * and Payara resolves one per application. Console boundaries therefore take the signed-in user as
 * a {@link org.facematch.kernel.entity.Caller}, judged by the operation's {@link
 * org.facematch.kernel.entity.Access} rule behind the console's own view access control: support
 * staff act on every tenant's settings and counts, tenant admins on their own tenant only, and
 * faces are seen by the tenant's own admins only.
 */
package org.facematch.tenant;
