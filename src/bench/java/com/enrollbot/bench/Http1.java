package com.enrollbot.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The little of HTTP/1.1 that the load generator and the fake connector speak: a message head, and a body sized
 * by Content-Length or sent in chunks. Both sides are ours or loopback peers, so it is strict and small rather
 * than general; the limits keep a confused peer from making it read without end.
 */
final class Http1 {

    private static final int MAX_LINE_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    /** The first line (request or status line) and the headers this code acts on. */
    record Head(String startLine, long contentLength, boolean chunked, boolean close) {

        /** The status code of a response head. */
        int status() {
            String[] parts = startLine.split(" ", 3);
            return parts.length >= 2 ? Integer.parseInt(parts[1]) : 0;
        }

        /** The path of a request head. */
        String path() {
            String[] parts = startLine.split(" ", 3);
            return parts.length >= 2 ? parts[1] : "";
        }
    }

    private Http1() {
    }

    /** Null when the peer closed the connection cleanly before a new message. */
    static Head readHead(InputStream in) throws IOException {
        String startLine = readLine(in);
        if (startLine == null) {
            return null;
        }
        long contentLength = 0;
        boolean chunked = false;
        boolean close = false;
        for (int count = 0; ; count++) {
            String header = readLine(in);
            if (header == null) {
                throw new IOException("connection closed inside a message head");
            }
            if (header.isEmpty()) {
                return new Head(startLine, contentLength, chunked, close);
            }
            if (count >= MAX_HEADERS) {
                throw new IOException("too many headers");
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
    }

    static byte[] readBody(InputStream in, Head head) throws IOException {
        if (head.chunked()) {
            return readChunked(in);
        }
        if (head.contentLength() > MAX_BODY_BYTES) {
            throw new IOException("body too large: " + head.contentLength());
        }
        return readExactly(in, (int) head.contentLength());
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // trailers carry nothing the benchmark needs
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY_BYTES) {
                throw new IOException("body too large");
            }
            body.write(readExactly(in, size));
            readLine(in);
        }
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("connection closed inside a body");
        }
        return bytes;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.length() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a line");
            }
            if (line.length() >= MAX_LINE_BYTES) {
                throw new IOException("line too long");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
