package com.enrollbot.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection from a simulated person to the bot, used by one thread at a time. It opens
 * lazily and again after the server closed it (Tomcat closes a connection after 100 requests by default).
 */
final class HttpConnection implements AutoCloseable {

    /** Status and body of an answer. */
    record Response(int status, String body) {
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private final String path;
    private final String host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(URI endpoint) {
        this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
        this.path = endpoint.getRawPath();
        this.host = endpoint.getHost() + ":" + endpoint.getPort();
    }

    Response postJson(byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(Http1.ascii("POST " + path + " HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "\r\n"));
            out.write(body);
            out.flush();
            Http1.Head head = Http1.readHead(in);
            if (head == null) {
                throw new IOException("the bot closed the connection without answering");
            }
            Response response = new Response(head.status(), new String(Http1.readBody(in, head), StandardCharsets.UTF_8));
            if (head.close()) {
                close();
            }
            return response;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.setSoTimeout(READ_TIMEOUT_MILLIS);
            opened.connect(address, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream());
        out = new BufferedOutputStream(opened.getOutputStream());
    }

    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing a loopback socket: nothing left to do about it
        }
        socket = null;
        in = null;
        out = null;
    }
}
