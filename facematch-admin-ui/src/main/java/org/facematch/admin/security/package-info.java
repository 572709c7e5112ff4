/**
 * Sign-in to the console, with Jakarta Security and no Spring.
 *
 * <p>Console users, their password hashes and their single role live in the {@code console_users}
 * table. {@link org.facematch.admin.security.ConsoleSecurity} declares a database identity store on
 * it; {@link org.facematch.admin.security.LoginView} hands the credentials of Vaadin's login form
 * to the container's {@code IdentityStoreHandler} and keeps the signed-in {@link
 * org.facematch.kernel.entity.Caller} in the HTTP session: the same type the API builds from a
 * token. No HTTP authentication mechanism is declared here: the API module's MP-JWT is the EAR's
 * mechanism, and Payara resolves a single one per application (a second one makes every request
 * fail with an ambiguous-bean error). Views state who may open them with {@code @AnonymousAllowed},
 * {@code @PermitAll} or {@code @RolesAllowed}; {@link
 * org.facematch.admin.security.ConsoleAccessControl} enforces that from the session's user and
 * sends anonymous users to the login view.
 *
 * <p>Password hashes use Jakarta Security's {@code Pbkdf2PasswordHash} format {@code
 * PBKDF2WithHmacSHA256:600000:<salt>:<hash>}: 600,000 iterations (OWASP's figure for
 * PBKDF2-HMAC-SHA256), a 32-byte salt and a 32-byte key, salt and key in standard Base64 with
 * padding. Whoever seeds users should create hashes with the container's {@code Pbkdf2PasswordHash}
 * initialised with the parameters on {@code ConsoleSecurity}. Verification reads algorithm,
 * iterations and sizes from the stored hash, so raising the cost later does not lock out existing
 * users.
 */
package org.facematch.admin.security;
