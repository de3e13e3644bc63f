package io.winloss.portal.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who a request comes from, for per-IP limits: the connection's address, or, only when the portal is configured
 * to sit behind a trusted proxy, the last address that proxy appended to {@code X-Forwarded-For} (earlier entries
 * are whatever the client claimed and are ignored).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(ServerWebExchange exchange, boolean trustedProxy) {
        if (trustedProxy) {
            String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
            if (forwarded != null) {
                String[] hops = forwarded.split(",");
                for (int i = hops.length - 1; i >= 0; i--) {
                    String hop = hops[i].trim();
                    if (!hop.isEmpty()) {
                        return hop;
                    }
                }
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
