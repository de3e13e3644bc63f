package io.winloss.portal.interview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multipart upload written on a socket by hand, for what WebTestClient cannot send: a body streamed without a
 * Content-Length (chunked) that never ends by itself, or a Content-Length far larger than what follows. It stops
 * writing once the portal answered, and says how much it had written by then.
 */
final class RawUpload {

    static final String BOUNDARY = "hostile-upload-boundary";
    /** Each file part of a streamed body is cut at this size, well under the 20 MB a part may have. */
    static final long PART_BYTES = 8L * 1024 * 1024;

    record Answer(int status, String text, long sent) {
    }

    private RawUpload() {
    }

    /** The start of a multipart body: the form fields, then the headers of a file part whose bytes follow. */
    static byte[] preamble(java.util.Map<String, String> fields, String fileName) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: text/plain\r\n\r\n");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * POSTs {@code preamble} and then up to {@code fileBytes} of transcript text to {@code path}, in file parts of
     * {@link #PART_BYTES}; with {@code declared}
     * a Content-Length of that many bytes is sent (and only the preamble written), else the body is chunked.
     */
    static Answer post(int port, String path, String extraHeaders, byte[] preamble, long fileBytes, Long declared)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(200);
            AtomicLong sent = new AtomicLong();
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + extraHeaders
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + (declared != null ? "Content-Length: " + declared + "\r\n" : "Transfer-Encoding: chunked\r\n") + "\r\n";
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    if (declared != null) {
                        out.write(preamble);
                        sent.addAndGet(preamble.length);
                        out.flush();
                        return;
                    }
                    chunk(out, preamble);
                    sent.addAndGet(preamble.length);
                    byte[] line = "Tom Becker: the price hurt and the onboarding took too long, again and again.\n"
                            .getBytes(StandardCharsets.US_ASCII);
                    byte[] block = new byte[line.length * 8192];
                    for (int i = 0; i < 8192; i++) {
                        System.arraycopy(line, 0, block, i * line.length, line.length);
                    }
                    long inPart = 0;
                    while (sent.get() < fileBytes) {
                        if (inPart >= PART_BYTES) {
                            // a new part: each stays under the per-part limit, so only the request's limit can stop it
                            byte[] next = ("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                                    + "filename=\"more.txt\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                            chunk(out, next);
                            sent.addAndGet(next.length);
                            inPart = 0;
                        }
                        chunk(out, block);
                        sent.addAndGet(block.length);
                        inPart += block.length;
                    }
                    chunk(out, ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    // the portal answered and closed the connection, or the test did
                }
            });
            String answer = readAnswer(socket.getInputStream(), 60_000);
            long sentWhenAnswered = sent.get();
            socket.close();
            try {
                writing.get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the writer ends when the socket closes
            }
            int status = answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
            return new Answer(status, answer, sentWhenAnswered);
        }
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The whole answer: until the connection closes, or the body its headers announce has arrived. */
    private static String readAnswer(InputStream in, long timeoutMillis) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException idle) {
                if (complete(answer.toString(StandardCharsets.UTF_8))) {
                    break;
                }
                continue;
            } catch (IOException reset) {
                break;
            }
            if (n < 0) {
                break;
            }
            answer.write(buffer, 0, n);
            if (complete(answer.toString(StandardCharsets.UTF_8))) {
                break;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String headers = answer.substring(0, end).toLowerCase(Locale.ROOT);
        String body = answer.substring(end + 4);
        int length = headers.indexOf("content-length:");
        if (length >= 0) {
            int eol = headers.indexOf("\r\n", length);
            int expected = Integer.parseInt(headers.substring(length + 15, eol < 0 ? headers.length() : eol).strip());
            return body.getBytes(StandardCharsets.UTF_8).length >= expected;
        }
        return headers.contains("transfer-encoding: chunked") && body.endsWith("0\r\n\r\n");
    }
}
