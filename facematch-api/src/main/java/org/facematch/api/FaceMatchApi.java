package org.facematch.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.facematch.kernel.entity.Roles;

@ApplicationPath("kyc")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.KYC_READ, Roles.KYC_CREATE})
@OpenAPIDefinition(
    info =
        @Info(
            title = "FaceMatch API",
            version = "1",
            description =
                "Biometric face matching for KYC: 1:1 verification, 1:N search, registration,"
                    + " blacklist. Authenticate with a bearer JWT whose `groups` carry `kyc:read`"
                    + " and/or `kyc:create` and whose `tenant_id` claim names the tenant. Every"
                    + " error is RFC 9457 `application/problem+json` with a stable `code`.",
            license = @License(name = "Apache-2.0")),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class FaceMatchApi extends Application {}
