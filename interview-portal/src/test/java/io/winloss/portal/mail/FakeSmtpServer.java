package io.winloss.portal.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server for tests: it refuses recipients whose address contains {@code bounce} for good (550), those
 * containing {@code later} for now (451), and accepts the rest, recording who got mail. Enough of the protocol for
 * Jakarta Mail; nothing else.
 */
final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;
    final List<String> delivered = new CopyOnWriteArrayList<>();

    FakeSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // closed, or a client hung up: next
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 fake ESMTP");
        List<String> recipients = new java.util.ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(java.util.Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250-fake\r\n250 OK");
            } else if (command.startsWith("MAIL FROM")) {
                recipients.clear();
                reply(out, "250 2.1.0 OK");
            } else if (command.startsWith("RCPT TO")) {
                if (line.contains("bounce")) {
                    reply(out, "550 5.1.1 " + line.substring(8).trim() + ": Recipient address rejected: User unknown");
                } else if (line.contains("later")) {
                    reply(out, "451 4.3.0 Mailbox busy, try again later");
                } else {
                    recipients.add(line.substring(8).trim());
                    reply(out, "250 2.1.5 OK");
                }
            } else if (command.startsWith("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself is not needed
                }
                delivered.addAll(recipients);
                reply(out, "250 2.0.0 queued");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, "250 OK");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
