package io.winloss.portal.session;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

import io.winloss.portal.store.Store;

/**
 * WebFlux keeps its sessions in the store rather than in this process's memory. Boot's WebFlux auto-configuration
 * backs off from its in-memory manager when a bean named {@code webSessionManager} exists; the cookie settings of
 * {@code server.reactive.session.cookie.*} still apply through Boot's own {@link WebSessionIdResolver} bean, and the
 * max idle time is {@code server.reactive.session.timeout}, as for the in-memory store.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    StoredSessions storedSessions(Store store, ServerProperties server) {
        return new StoredSessions(store, server.getReactive().getSession().getTimeout(), Clock.systemUTC());
    }

    @Bean
    WebSessionManager webSessionManager(StoredSessions sessions, ObjectProvider<WebSessionIdResolver> idResolver) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(sessions);
        idResolver.ifAvailable(manager::setSessionIdResolver);
        return manager;
    }
}
