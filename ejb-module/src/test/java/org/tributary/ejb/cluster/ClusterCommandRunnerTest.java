package org.tributary.ejb.cluster;

import org.junit.jupiter.api.Test;
import org.tributary.ejb.adapter.AdapterClient;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The heartbeat's commands carried out on an origin and on an edge, over fakes of the adapter and the services. */
class ClusterCommandRunnerTest {

    private final List<String> calls = new ArrayList<>();

    private CommandRunner runner(boolean origin) {
        return new CommandRunner(origin, id -> {
            calls.add("end " + id);
            return id.equals("live-1");
        }, name -> {
            calls.add("relay " + name);
            return "relay " + name + " handed to the adapter (playing)";
        }, name -> {
            calls.add("channel " + name);
            return "channel " + name + " stopped (no longer stored)";
        });
    }

    private static ClusterCommands.Pending end(String session) {
        return new ClusterCommands.Pending(1, ClusterCommand.Action.END_SESSION, session, null, "admin");
    }

    private static ClusterCommands.Pending changed(ClusterCommand.Action action, String subject) {
        return new ClusterCommands.Pending(2, action, null, subject, "edge1");
    }

    @Test
    void endSessionNotesTheWordsTheApiReadsBack() throws Exception {
        CommandRunner.Done ended = runner(false).run(end("live-1"));
        assertEquals(new CommandRunner.Done("ended", "session live-1 ended"), ended);
        assertEquals(EndRequest.State.ENDED, EndRequest.State.ofOutcome(ended.outcome()));
        CommandRunner.Done gone = runner(false).run(end("gone"));
        assertEquals(EndRequest.State.NO_SUCH_SESSION, EndRequest.State.ofOutcome(gone.outcome()));
        assertEquals(List.of("end live-1", "end gone"), calls);
    }

    @Test
    void theOriginResyncsTheRelayOrChannelNamed() throws Exception {
        CommandRunner origin = runner(true);
        assertEquals("relay cam1 handed to the adapter (playing)",
                origin.run(changed(ClusterCommand.Action.RELAY_CHANGED, "cam1")).outcome());
        CommandRunner.Done channel = origin.run(changed(ClusterCommand.Action.CHANNEL_CHANGED, "radio"));
        assertEquals(new CommandRunner.Done("channel radio stopped (no longer stored)",
                "channel radio stopped (no longer stored)"), channel);
        assertEquals(List.of("relay cam1", "channel radio"), calls);
    }

    @Test
    void anEdgeIgnoresAChangeMeantForTheOriginAndSaysSo() throws Exception {
        CommandRunner edge = runner(false);
        assertEquals("ignored: this node is an edge, the origin runs relay cam1",
                edge.run(changed(ClusterCommand.Action.RELAY_CHANGED, "cam1")).outcome());
        assertEquals("ignored: this node is an edge, the origin runs channel radio",
                edge.run(changed(ClusterCommand.Action.CHANNEL_CHANGED, "radio")).outcome());
        assertEquals(List.of(), calls, "nothing handed to an edge's adapter");
    }

    @Test
    void anAdapterThatDoesNotAnswerLeavesTheCommandPending() {
        CommandRunner down = new CommandRunner(true, id -> {
            throw new AdapterClient.AdapterUnavailableException("not deployed", null);
        }, name -> name, name -> name);
        assertThrows(AdapterClient.AdapterUnavailableException.class, () -> down.run(end("live-1")));
    }
}
