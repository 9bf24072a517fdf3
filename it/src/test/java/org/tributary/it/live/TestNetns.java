package org.tributary.it.live;

import org.tributary.it.support.Tools;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A network namespace joined to this host by a veth pair, for tests that need a second host: the root side
 * {@code 10.213.n.1/30}, the namespace side {@code .2} with its loopback up and the route 224.0.0.0/4, so
 * that multicast sent out of the root side arrives in the namespace. Names carry this JVM's pid, so
 * parallel runs do not meet; {@link #close} removes everything (deleting the namespace removes the pair).
 */
final class TestNetns implements AutoCloseable {

    /** Why a namespace could not be made (not root, no netns support): the test is skipped with it. */
    static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }

    private final String name;
    private final String rootSide;
    private final int subnet;

    private TestNetns(long pid) {
        name = "trib-mc-" + pid;
        rootSide = "tmc" + pid;
        subnet = (int) (pid % 250) + 1;
    }

    /** Creates the namespace and the pair; throws {@link UnavailableException} when {@code ip netns add} fails. */
    static TestNetns create() throws Exception {
        TestNetns ns = new TestNetns(ProcessHandle.current().pid());
        Tools.Result add;
        try {
            add = Tools.run(20, "ip", "netns", "add", ns.name);
        } catch (IOException e) {
            throw new UnavailableException("no ip command (iproute2): " + e.getMessage());
        }
        if (add.exitCode() != 0) {
            throw new UnavailableException("ip netns add " + ns.name + " failed (needs root and network namespaces): "
                    + add.stderr().trim());
        }
        try {
            String nsSide = "tmn" + ProcessHandle.current().pid();
            ns.ip("link", "add", ns.rootSide, "type", "veth", "peer", "name", nsSide);
            ns.ip("link", "set", nsSide, "netns", ns.name);
            ns.ip("addr", "add", ns.rootAddress() + "/30", "dev", ns.rootSide);
            ns.ip("link", "set", ns.rootSide, "up");
            ns.ip("-n", ns.name, "addr", "add", "10.213." + ns.subnet + ".2/30", "dev", nsSide);
            ns.ip("-n", ns.name, "link", "set", nsSide, "up");
            ns.ip("-n", ns.name, "link", "set", "lo", "up");
            ns.ip("-n", ns.name, "route", "add", "224.0.0.0/4", "dev", nsSide);
        } catch (Exception | AssertionError e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    private void ip(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Tools.Result r = Tools.run(20, command.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + r.stderr().trim());
        }
    }

    /** The root side's name, the interface the server multicasts out of. */
    String rootSide() {
        return rootSide;
    }

    String rootAddress() {
        return "10.213." + subnet + ".1";
    }

    InetAddress rootInetAddress() throws IOException {
        return InetAddress.getByName(rootAddress());
    }

    /** Bytes sent out of the root side so far, that is, into the namespace. */
    long bytesIntoNamespace() throws IOException {
        return Long.parseLong(Files.readString(Path.of("/sys/class/net", rootSide, "statistics/tx_bytes")).trim());
    }

    /** A command run inside the namespace. */
    List<String> inside(List<String> command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(command);
        return all;
    }

    @Override
    public void close() throws Exception {
        Tools.run(20, "ip", "link", "del", rootSide); // fails harmlessly when the pair was never made
        Tools.Result del = Tools.run(20, "ip", "netns", "del", name);
        if (del.exitCode() != 0) {
            throw new AssertionError("ip netns del " + name + " failed: " + del.stderr().trim());
        }
    }
}
