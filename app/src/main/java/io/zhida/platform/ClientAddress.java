package io.zhida.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who is calling, for rate limits: the client address Tomcat reports (after its remote-IP valve has
 * read X-Forwarded-For from a trusted proxy, never from anyone else). An IPv6 client counts as its
 * /64 network, because one subscriber usually holds a whole /64 and could rotate through it.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return normalise(request.getRemoteAddr());
    }

    /** The rate-limit key for an address as the servlet container reports it. */
    public static String normalise(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.isBlank()) {
            return "unknown";
        }
        String address = remoteAddr.trim();
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.replace("[", "").replace("]", "")).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // an IPv4-mapped IPv6 address
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return "invalid";
        }
    }
}
