package com.enrollbot.demo;

import java.util.Locale;

/**
 * Tells whether a JDBC URL can only reach a database on this machine. Host names are not resolved: only
 * {@code localhost}, 127.0.0.0/8 and {@code ::1} count, so a name that happens to resolve to loopback today is
 * still refused. A URL this class cannot read is not loopback, nor is one that leaves the host to a service file
 * or a connection property.
 */
final class LoopbackJdbcUrl {

    private LoopbackJdbcUrl() {
    }

    static boolean isLoopback(String jdbcUrl) {
        String url = jdbcUrl.strip();
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            return false;
        }
        String rest = url.substring("jdbc:postgresql:".length());
        String lower = rest.toLowerCase(Locale.ROOT);
        if (!rest.startsWith("//") || lower.contains("host=") || lower.contains("service=")) {
            return false;
        }
        String authority = rest.substring(2).split("[/?]", 2)[0];
        if (authority.isEmpty()) {
            return false;
        }
        for (String hostAndPort : authority.split(",")) {
            if (!isLoopbackHost(host(hostAndPort))) {
                return false;
            }
        }
        return true;
    }

    private static String host(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? "" : hostAndPort.substring(1, end);
        }
        int colon = hostAndPort.indexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    private static boolean isLoopbackHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] octets = name.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
