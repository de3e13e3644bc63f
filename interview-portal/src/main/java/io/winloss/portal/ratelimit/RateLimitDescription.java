package io.winloss.portal.ratelimit;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** Tells API users, on every operation of /v3/api-docs, that a call may be refused with 429 and when to retry. */
@Configuration(proxyBeanMethods = false)
class RateLimitDescription {

    @Bean
    OpenApiCustomizer tooManyRequestsResponse() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() != null && !operation.getResponses().containsKey("429")) {
                    operation.getResponses().addApiResponse("429", new ApiResponse()
                            .description("rate limited: try again after Retry-After seconds; {\"errors\":[{field,message}]}")
                            .addHeaderObject("Retry-After", new Header().description("whole seconds to wait")
                                    .schema(new IntegerSchema())));
                }
            }));
        };
    }
}
