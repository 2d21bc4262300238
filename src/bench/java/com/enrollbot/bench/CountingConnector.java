package com.enrollbot.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Teams' Bot Connector as the benchmark needs it: it takes every activity the bot sends, answers after a set
 * latency (the real one takes ~100 ms), and counts the TCP connections the bot opens to it, which shows whether
 * the bot reuses connections or opens one per reply. It keeps the last activity sent to each conversation, as
 * the Teams client shows it: a simulated person reads the card they were sent to press its button.
 * <p>
 * One thread per connection, blocking: HTTP/1.1 carries one request at a time on a connection, so a sleeping
 * thread is an honest latency, and the accept loop sees every connection opened.
 */
final class CountingConnector implements AutoCloseable {

    /** Totals since start; the benchmark reports the difference over a run. */
    record Counts(long connectionsOpened, long requests, int connectionsOpenNow) {
    }

    private static final String CONVERSATIONS = "/v3/conversations/";

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "connector-connection");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger openNow = new AtomicInteger();
    /** At most one entry per conversation, so bounded by the number of simulated people. */
    private final Map<String, byte[]> lastActivityByConversation = new ConcurrentHashMap<>();
    private volatile long latencyMillis;

    CountingConnector() throws IOException {
        server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "connector-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** What the bot is told in each activity's {@code serviceUrl}. */
    String serviceUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    void latencyMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latency must not be negative: " + millis);
        }
        latencyMillis = millis;
    }

    /** The last activity the bot sent to the conversation (JSON), removed so that it is read once; null if none. */
    byte[] takeLastActivity(String conversationId) {
        return lastActivityByConversation.remove(conversationId);
    }

    Counts counts() {
        return new Counts(opened.get(), requests.get(), openNow.get());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                opened.incrementAndGet();
                openNow.incrementAndGet();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (serveOne(in, out)) {
                // next request on the same connection (keep-alive)
            }
        } catch (IOException e) {
            // The bot closed the connection (idle eviction or shutdown): nothing to answer.
        } finally {
            open.remove(socket);
            openNow.decrementAndGet();
        }
    }

    /** Reads one request, answers it, and says whether the connection stays open. */
    private boolean serveOne(InputStream in, OutputStream out) throws IOException {
        Http1.Head request = Http1.readHead(in);
        if (request == null) {
            return false;
        }
        byte[] sent = Http1.readBody(in, request);
        requests.incrementAndGet();
        sleep(latencyMillis);
        boolean activity = request.path().startsWith(CONVERSATIONS);
        if (activity) {
            String conversation = request.path().substring(CONVERSATIONS.length()).split("/", 2)[0];
            lastActivityByConversation.put(URLDecoder.decode(conversation, StandardCharsets.UTF_8), sent);
        }
        byte[] body = Http1.ascii(activity ? "{\"id\":\"activity-" + ids.incrementAndGet() + "\"}" : "{}");
        out.write(Http1.ascii("HTTP/1.1 " + (activity ? "200 OK" : "404 Not Found") + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + (request.close() ? "Connection: close\r\n" : "")
                + "\r\n"));
        out.write(body);
        out.flush();
        return !request.close();
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        connections.shutdownNow();
    }
}
