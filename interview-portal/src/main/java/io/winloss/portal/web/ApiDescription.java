package io.winloss.portal.web;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.winloss.portal.account.Staff;

/**
 * What /v3/api-docs and /api-docs.html say about the API as a whole: its two ways to authenticate.
 * The signed-in {@link Staff} is resolved from the credentials, so it is never described as a request parameter.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Win-loss portal API", version = "1",
                description = "Deals, buyer invitations and answers, interviews, search and themes of one workspace."),
        security = {@SecurityRequirement(name = ApiDescription.BASIC), @SecurityRequirement(name = ApiDescription.BEARER)})
@SecurityScheme(name = ApiDescription.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A user's email and password.")
@SecurityScheme(name = ApiDescription.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "API key",
        description = "An API key created by an admin on the API keys page: `Authorization: Bearer wl_...`.")
class ApiDescription {

    static final String BASIC = "basic";
    static final String BEARER = "apiKey";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Staff.class);
    }
}
