package io.winloss.portal.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

import reactor.core.publisher.Mono;

/**
 * Three doors. {@code /s/**}: the buyer's token pages, no account, no session, CSRF on their forms.
 * {@code /api/**}: HTTP Basic or a Bearer API key, stateless, 401 without credentials.
 * Everything else: pages with form login and CSRF on every form.
 * Each door is matched by one path pattern ({@code ServerWebExchangeMatchers.pathMatchers} wraps even one pattern in an
 * Or matcher whose debug message is formatted on every request, since commons-logging's SLF4J bridge formats before
 * it checks the level: spring-framework#37266).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService userDetailsService(Users users) {
        return email -> users.findForLogin(email).cast(org.springframework.security.core.userdetails.UserDetails.class);
    }

    @Bean
    ReactiveAuthenticationManager passwordAuthentication(ReactiveUserDetailsService details, PasswordEncoder encoder,
            io.winloss.portal.lockout.Lockouts lockouts) {
        UserDetailsRepositoryReactiveAuthenticationManager manager = new UserDetailsRepositoryReactiveAuthenticationManager(details);
        manager.setPasswordEncoder(encoder);
        // Repeated failures lock the account (lockout package); a locked one fails exactly like a wrong password.
        return new io.winloss.portal.lockout.LockingAuthentication(manager, lockouts);
    }

    /**
     * The buyer's token pages: no account and no session, so only CSRF (on the survey form and its drafts) and the
     * headers. Nothing here reads or creates a session, which spares every page view a session lookup and id.
     */
    @Bean
    @Order(0)
    SecurityWebFilterChain buyerChain(ServerHttpSecurity http) {
        return http
                .securityMatcher(new PathPatternParserServerWebExchangeMatcher("/s/**"))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokens())
                        .csrfTokenRequestHandler(csrfFromFormsAndUploads()))
                .headers(io.winloss.portal.web.SecurityHeaders.strict())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .authorizeExchange(auth -> auth.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain apiChain(ServerHttpSecurity http, ReactiveAuthenticationManager passwordAuthentication, ApiKeys apiKeys) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(apiKeyAuthentication(apiKeys));
        bearer.setServerAuthenticationConverter(exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Mono.empty();
            }
            String key = header.substring(7).trim();
            return Mono.just(new UsernamePasswordAuthenticationToken(key, key));
        });
        bearer.setAuthenticationFailureHandler((webFilterExchange, e) -> new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)
                .commence(webFilterExchange.getExchange(), e));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        return http
                .securityMatcher(new PathPatternParserServerWebExchangeMatcher("/api/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(io.winloss.portal.web.SecurityHeaders.strict())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(basic -> basic.authenticationManager(passwordAuthentication)
                        .authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authorizeExchange(auth -> auth.anyExchange().authenticated())
                .build();
    }

    private static ReactiveAuthenticationManager apiKeyAuthentication(ApiKeys apiKeys) {
        return authentication -> apiKeys.authenticate((String) authentication.getCredentials())
                .switchIfEmpty(Mono.error(() -> new org.springframework.security.authentication.BadCredentialsException("unknown API key")))
                .map(staff -> UsernamePasswordAuthenticationToken.authenticated(
                        new StaffDetails(staff, "", new io.winloss.portal.lockout.SignInRecord(null, false)), null, StaffDetails.authoritiesOf(staff)));
    }

    /** Reads the token from the header, the form, and multipart uploads too, so file forms work without JavaScript. */
    private static XorServerCsrfTokenRequestAttributeHandler csrfFromFormsAndUploads() {
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain pageChain(ServerHttpSecurity http, ReactiveAuthenticationManager passwordAuthentication) {
        return http
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokens())
                        .csrfTokenRequestHandler(csrfFromFormsAndUploads()))
                .headers(io.winloss.portal.web.SecurityHeaders.strict())
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(form -> form.loginPage("/login")
                        .authenticationManager(passwordAuthentication)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/")))
                .logout(logout -> logout.logoutUrl("/logout"))
                // signing out also deletes the session from the store, so no portal process knows it any more
                .logout(logout -> logout.logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler())))
                .authorizeExchange(auth -> auth
                        .pathMatchers("/login", "/setup", "/actuator/health", "/actuator/health/**",
                                "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/v3/api-docs", "/v3/api-docs/**", "/api-docs.html", "/swagger-ui/**").permitAll()
                        // shared themes reports: read-only and anonymised, reached by their unguessable link alone
                        .pathMatchers("/r/**").permitAll()
                        .pathMatchers("/reports", "/reports/**").hasRole("ANALYST")
                        .pathMatchers("/admin/**").hasRole("ADMIN")
                        .pathMatchers("/deals/**", "/interviewers/**").hasRole("ANALYST")
                        .pathMatchers("/insights/**").hasRole("ANALYST")
                        .pathMatchers("/programs/**").hasRole("ANALYST")
                        .pathMatchers("/actions", "/actions/**", "/actions.csv").hasRole("ANALYST")
                        // /assigned/** is for any staff: DealAccess shows each person only the deals they may see
                        .anyExchange().authenticated())
                .build();
    }
}
