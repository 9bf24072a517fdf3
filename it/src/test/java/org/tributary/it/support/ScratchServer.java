package org.tributary.it.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second, fresh WildFly for tests that need one (a restore, several nodes): the same installation as the
 * test server, with its own base directory under target/ (a copy of the configuration, its own deployments,
 * data and log folders) and every port moved by {@code shift}. The EAR goes into its deployments folder, as
 * an admin would drop it; {@link #start()} returns once the deployment scanner says it is deployed.
 */
public final class ScratchServer implements AutoCloseable {

    private static final long DEPLOY_TIMEOUT_MILLIS = 300_000;

    private final Path jbossHome = Path.of(System.getProperty("jboss.home"));
    private final Path base;
    private final int offset;
    private final int rtspPort;
    private final int rtpPort;
    private Process process;

    public ScratchServer(Path base, int shift) throws IOException {
        this.base = base.toAbsolutePath();
        this.offset = Integer.getInteger("it.port.offset", 0) + shift;
        this.rtspPort = Endpoints.RTSP_PORT + shift;
        this.rtpPort = Integer.getInteger("it.rtp.port", 6970) + shift;
        deleteTree(this.base);
        copyTree(jbossHome.resolve("standalone/configuration"), this.base.resolve("configuration"));
        withoutDeployments(this.base.resolve("configuration/standalone.xml"));
        Files.createDirectories(this.base.resolve("deployments"));
        Files.createDirectories(dataDir());
    }

    /** WildFly's data folder of this server (standalone/data): the database is tributary/tributary.mv.db in it. */
    public Path dataDir() {
        return base.resolve("data");
    }

    public Path serverLog() {
        return base.resolve("log/server.log");
    }

    public int rtspPort() {
        return rtspPort;
    }

    public String http() {
        return "http://127.0.0.1:" + (8080 + offset) + "/tributary";
    }

    /** Deploys the test EAR and starts the server; returns when the EAR is deployed and RTSP answers. */
    public void start() throws Exception {
        Files.copy(Path.of(System.getProperty("ear.file")), base.resolve("deployments/tributary.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Dtributary.rtsp.bind-address=127.0.0.1", "-Dtributary.rtsp.port=" + rtspPort,
                "-Dtributary.rtp.port=" + rtpPort, "-Dtributary.rtsp.http-tunnel-port=0", "-Dtributary.rtsps.port=0",
                "-Dtributary.media.root=" + System.getProperty("it.media.dir"),
                "-Dtributary.admin.password=" + ConsoleApi.ADMIN_PASSWORD, "-Dtributary.multicast.ttl=0"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        builder.environment().put("JAVA_OPTS", "-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true");
        builder.environment().put("JBOSS_HOME", jbossHome.toString());
        process = builder.start();
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        Path deployed = base.resolve("deployments/tributary.ear.deployed");
        Path failed = base.resolve("deployments/tributary.ear.failed");
        while (!Files.exists(deployed)) {
            if (Files.exists(failed)) {
                throw new AssertionError("the scratch server could not deploy the EAR: " + Files.readString(failed));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the scratch server stopped (exit " + process.exitValue() + "); see "
                        + base.resolve("console.log"));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the scratch server did not deploy the EAR within "
                        + DEPLOY_TIMEOUT_MILLIS / 1000 + " s; see " + serverLog());
            }
            Thread.sleep(250);
        }
        try (Socket probe = new Socket("127.0.0.1", rtspPort)) {
            // the adapter listens once the EAR is deployed
        }
    }

    /** Stops the server (WildFly shuts down cleanly on SIGTERM) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /** The test server's configuration lists what was deployed to it; this server deploys from its own folder. */
    private static void withoutDeployments(Path standaloneXml) throws IOException {
        String xml = Files.readString(standaloneXml);
        Files.writeString(standaloneXml, xml.replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
