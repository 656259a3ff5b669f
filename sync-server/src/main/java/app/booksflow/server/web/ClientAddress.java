package app.booksflow.server.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The network address a request came from, for the sign-in throttle and the audit trail. Behind a
 * reverse proxy every request arrives from the proxy; when the proxy's address is trusted
 * ({@code proxy.trusted}), the address is read from {@code X-Forwarded-For}, right to left, skipping
 * the trusted proxies: the first address no trusted proxy vouches for is the client. Entries left of it
 * are the client's own claims and are not believed. Without trusted proxies the header is ignored, so a
 * client cannot choose its address by sending it.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Set<String> trusted;

    private ClientAddress(Set<String> trusted) {
        this.trusted = trusted;
    }

    /**
     * @param trustedProxies IP addresses of the reverse proxies in front of the server
     * @throws IllegalArgumentException naming an entry that is not an IP address
     */
    public static ClientAddress trusting(List<String> trustedProxies) {
        Set<String> trusted = new LinkedHashSet<>();
        for (String proxy : trustedProxies) {
            trusted.add(normalized(proxy).orElseThrow(() -> new IllegalArgumentException(
                    "The setting proxy.trusted lists '" + proxy + "', which is not an IP address (such as 127.0.0.1 or ::1).")));
        }
        return new ClientAddress(Set.copyOf(trusted));
    }

    public String of(Context ctx) {
        return of(ctx.ip(), ctx.header("X-Forwarded-For"));
    }

    /** The client's address given the connection's peer and the request's {@code X-Forwarded-For}, if any. */
    String of(String peer, String forwardedFor) {
        String address = normalized(peer).orElse(peer);
        if (forwardedFor == null || !trusted.contains(address)) {
            return address;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<String> hop = normalized(hops[i].strip());
            if (hop.isEmpty()) {
                return address; // a garbled entry: the last address vouched for is all that is known
            }
            address = hop.get();
            if (!trusted.contains(address)) {
                return address;
            }
        }
        return address;
    }

    /** The address in one canonical spelling ("::1" and "0:0:0:0:0:0:0:1" alike), or empty when it is none. */
    static Optional<String> normalized(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            if (IPV4.matcher(literal).matches()) {
                byte[] bytes = new byte[4];
                String[] parts = literal.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) part;
                }
                return Optional.of(InetAddress.getByAddress(bytes).getHostAddress());
            }
            if (IPV6.matcher(literal).matches()) {
                // In brackets the JDK parses the literal and never asks a name server.
                return Optional.of(InetAddress.getByName("[" + literal + "]").getHostAddress());
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
