package callguide.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain HTTP/1.1 client on one keep-alive socket, for one worker thread. The load generator shares
 * the two cores with the server and PostgreSQL, so it must be cheap: java.net.http's asynchronous
 * machinery cost more CPU per request than the server's own work on an answer (see the bench report).
 */
final class BenchHttp implements BenchLoad.Client {
    record Response(int status, String body) {}

    private final int port;
    private final String token;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    BenchHttp(int port, String token) {
        this.port = port;
        this.token = token;
    }

    @Override
    public Response post(String path, String json) throws IOException {
        if (socket == null) connect();
        try {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request); // one write, one segment: no Nagle delay, no split request
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) throw new IOException("bad status line: " + status);
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) length = Integer.parseInt(lower.substring(15).strip());
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                else if (lower.startsWith("connection:") && lower.contains("close")) close = true;
            }
            byte[] content = chunked ? chunked() : length >= 0 ? exactly(length) : in.readAllBytes();
            if (close || length < 0 && !chunked) close();
            return new Response(code, new String(content, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            close(); // the connection's state is unknown; the next request opens a fresh one
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(30_000);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = s.getOutputStream();
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(line().split(";", 2)[0].strip(), 16)) > 0; ) {
            all.writeBytes(exactly(size));
            line();
        }
        while (!line().isEmpty()) {
            // trailers: none expected, skipped
        }
        return all.toByteArray();
    }

    private byte[] exactly(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new EOFException("response ended after " + b.length + " of " + n + " bytes");
        return b;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new EOFException("connection closed mid-response");
            if (c != '\r') sb.append((char) c);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }
}
