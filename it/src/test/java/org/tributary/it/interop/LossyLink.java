package org.tributary.it.interop;

import org.tributary.it.support.Tools;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table of nftables rules of our own ({@code inet trib_rtx_<pid>}) on the input hook (so the sender's
 * send succeeds and the packet is lost on the way, as on a real network; on the output hook the sender would
 * get an error): one rule counts every UDP packet to a client's port range, a second, added by {@link #startDropping()}, drops a share of them at
 * random ({@code numgen random mod 100 < share}) and counts what it dropped. {@link #close()} deletes the table.
 */
final class LossyLink implements AutoCloseable {

    private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+) bytes");

    private final String table = "trib_rtx_" + ProcessHandle.current().pid();
    private final int firstPort;
    private final int lastPort;
    private final int sharePercent;

    private LossyLink(int firstPort, int lastPort, int sharePercent) {
        this.firstPort = firstPort;
        this.lastPort = lastPort;
        this.sharePercent = sharePercent;
    }

    /**
     * Creates the table with its counting rule, or returns null with the reason in {@code why} when nft cannot
     * be used here (not installed, not root, no nf_tables in the kernel).
     */
    static LossyLink open(int firstPort, int lastPort, int sharePercent, StringBuilder why)
            throws IOException, InterruptedException {
        LossyLink link = new LossyLink(firstPort, lastPort, sharePercent);
        Tools.Result r;
        try {
            r = nft("add", "table", "inet", link.table);
        } catch (IOException e) {
            why.append("nft cannot be run: ").append(e.getMessage());
            return null;
        }
        if (r.exitCode() != 0) {
            why.append("nft add table failed (root and nf_tables needed): ").append(r.stderr().strip());
            return null;
        }
        try {
            link.check(nft("add", "chain", "inet", link.table, "in",
                    "{ type filter hook input priority 0; policy accept; }"));
            link.check(nft("add", "rule", "inet", link.table, "in", "udp", "dport", link.ports(), "counter"));
        } catch (IOException | RuntimeException e) {
            link.close();
            throw e;
        }
        return link;
    }

    /** Drops {@code sharePercent} % of the packets to the ports from now on. */
    void startDropping() throws IOException, InterruptedException {
        check(nft("add", "rule", "inet", table, "in", "udp", "dport", ports(), "numgen", "random", "mod", "100",
                "<", Integer.toString(sharePercent), "counter", "drop"));
    }

    /** Packets sent to the ports so far (the first rule's counter). */
    long packetsSeen() throws IOException, InterruptedException {
        return counter(0);
    }

    /** Packets the drop rule dropped so far (0 before {@link #startDropping()}). */
    long packetsDropped() throws IOException, InterruptedException {
        return counter(1);
    }

    private long counter(int rule) throws IOException, InterruptedException {
        Tools.Result r = nft("list", "chain", "inet", table, "in");
        check(r);
        Matcher m = COUNTER.matcher(r.stdout());
        for (int i = 0; m.find(); i++) {
            if (i == rule) {
                return Long.parseLong(m.group(1));
            }
        }
        return 0;
    }

    private String ports() {
        return firstPort + "-" + lastPort;
    }

    private void check(Tools.Result r) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException("nft failed in table " + table + ": " + r.stderr());
        }
    }

    private static Tools.Result nft(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "nft";
        System.arraycopy(args, 0, command, 1, args.length);
        return Tools.run(10, command);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Tools.Result r = nft("delete", "table", "inet", table);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("nft could not delete table " + table + ": " + r.stderr());
        }
    }
}
