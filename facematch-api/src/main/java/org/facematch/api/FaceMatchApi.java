package org.facematch.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.facematch.kernel.entity.Roles;

@ApplicationPath("kyc")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.KYC_READ, Roles.KYC_CREATE})
public class FaceMatchApi extends Application {}
