package org.tributary.ra.inbound;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.junit.jupiter.api.Test;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessListener;
import org.tributary.api.access.AccessRequest;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.api.access.UserHashes;

import javax.transaction.xa.XAResource;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The decision cache never lets wrong credentials through, and how many decisions a second it answers warm. */
class AccessGateTest {

    private static final String REALM = "Streaming Server";
    private static final UserHashes BOB = new UserHashes("bob", REALM,
            DigestMath.ha1(DigestAlgorithm.MD5, "bob", REALM, "builder"), null);

    private final AtomicInteger asked = new AtomicInteger();

    /** A policy bean that lets bob (and only bob, with his password) read. */
    private final AccessListener policy = request -> {
        asked.incrementAndGet();
        Credentials c = request.credentials();
        if (c == null || !DigestMath.verify(c, BOB)) {
            return AccessDecision.challenge("bob only", REALM, List.of());
        }
        return AccessDecision.allow("bob may").inRealm(REALM, List.of()).forUser(BOB);
    };

    private AccessGate gate() throws Exception {
        AccessGate gate = new AccessGate(Runnable::run, 30, 1000);
        gate.activate(new DirectEndpointFactory(policy));
        return gate;
    }

    private static AccessRequest basic(String user, String password) {
        return new AccessRequest("rtsp", AccessAction.READ, "vault/a.mp4", "10.0.0.9", "ua",
                Credentials.basic(user, password));
    }

    @Test
    void aCachedDecisionForAUserNeedsThatUsersPassword() throws Exception {
        AccessGate gate = gate();
        assertEquals(AccessDecision.Outcome.ALLOW, gate.check(basic("bob", "builder")).outcome());
        assertEquals(AccessDecision.Outcome.ALLOW, gate.check(basic("bob", "builder")).outcome());
        assertEquals(1, asked.get(), "the second request was answered from the cache");
        assertEquals(AccessDecision.Outcome.CHALLENGE, gate.check(basic("bob", "guess")).outcome(),
                "a wrong password is never answered from bob's cached decision");
        assertEquals(AccessDecision.Outcome.CHALLENGE, gate.check(basic("bob", "guess")).outcome());
        assertEquals(3, asked.get(), "wrong passwords are not cached either");
        assertEquals(AccessDecision.Outcome.ALLOW, gate.check(basic("bob", "builder")).outcome());
        assertEquals(3, asked.get(), "bob's decision is still cached");
        gate.clear();
        gate.check(basic("bob", "builder"));
        assertEquals(4, asked.get(), "clearing makes the next request ask again");
    }

    @Test
    void warmCacheBenchmarkPrintsDecisionsPerSecond() throws Exception {
        AccessGate gate = gate();
        AccessRequest anonymous = new AccessRequest("rtsp", AccessAction.READ, "vault/a.mp4", "10.0.0.9", "ua");
        AccessRequest withPassword = basic("bob", "builder");
        gate.check(anonymous);
        gate.check(withPassword);
        print("anonymous", gate, anonymous);
        print("Basic (MD5 of the password per request)", gate, withPassword);
        assertEquals(2, asked.get(), "every timed decision came from the cache");
    }

    private static void print(String label, AccessGate gate, AccessRequest request) throws Exception {
        int rounds = 200_000;
        for (int i = 0; i < rounds / 4; i++) {
            gate.check(request);
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            gate.check(request);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[benchmark] access decisions, warm cache, %s: %,.0f per second on one thread%n",
                label, rounds / seconds);
    }

    /** Delivers straight to a listener, as the container would through an MDB proxy. */
    private record DirectEndpointFactory(AccessListener listener) implements MessageEndpointFactory {

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource) {
            return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {AccessListener.class, MessageEndpoint.class}, (proxy, method, args) ->
                            method.getDeclaringClass() == AccessListener.class ? method.invoke(listener, args) : null);
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
            return createEndpoint(xaResource);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "test";
        }

        @Override
        public Class<?> getEndpointClass() {
            return null;
        }
    }
}
