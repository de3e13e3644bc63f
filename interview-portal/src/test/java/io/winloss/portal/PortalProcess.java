package io.winloss.portal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged portal jar running in its own JVM, for tests that must kill it the way a crash would
 * (SIGKILL: no shutdown hooks, no final commit) and start it again on the same data folder.
 */
public final class PortalProcess implements AutoCloseable {

    private String heap = "512m";
    private final List<String> jvmOptions = new ArrayList<>();

    private final Path dataDir;
    private final int port;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;

    public PortalProcess(Path dataDir, Map<String, String> settings) throws IOException {
        this.dataDir = dataDir;
        this.port = freePort();
        this.settings = settings;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-portal.log");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The portal's heap, 512 MB unless a test analyses transcripts: CoreNLP needs about 2 GB. */
    public PortalProcess withHeap(String heap) {
        this.heap = heap;
        return this;
    }

    /** A JVM option for the portal's process, such as a system property ({@code -Dname=value}). */
    public PortalProcess withJvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** What the process wrote to its standard output and error so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Asks the process for a full garbage collection ({@code jcmd <pid> GC.run}) and waits until it is done. */
    public void collectGarbage() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd GC.run failed: " + output);
        }
    }

    /** Starts the jar (path from the {@code portal.jar} system property Failsafe sets) and waits until healthy. */
    public PortalProcess start() throws IOException, InterruptedException {
        launch();
        awaitHealthy(Duration.ofSeconds(90));
        return this;
    }

    /**
     * Starts the jar without waiting, so that several processes start side by side; {@link #awaitStarted} then waits
     * until this one is healthy.
     */
    public PortalProcess launch() throws IOException {
        String jar = System.getProperty("portal.jar", "target/interview-portal.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar,
                "--SERVER_PORT=" + port, "--PORTAL_DATA_DIR=" + dataDir, "--PORTAL_BASE_URL=" + baseUrl()));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** Waits until a {@link #launch launched} process answers its health check. */
    public PortalProcess awaitStarted(Duration timeout) throws IOException, InterruptedException {
        awaitHealthy(timeout);
        return this;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("portal exited with " + process.exitValue() + "; log: " + Files.readString(log));
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(baseUrl().resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("portal not healthy after " + timeout + "; log: " + Files.readString(log));
    }

    /** SIGKILL: the process gets no chance to flush or commit anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
