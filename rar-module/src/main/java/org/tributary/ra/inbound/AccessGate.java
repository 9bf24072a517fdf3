package org.tributary.ra.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessListener;
import org.tributary.api.access.AccessRequest;
import org.tributary.api.access.AccessAction;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;
import org.tributary.metrics.LatencyHistogram;
import org.tributary.api.access.DigestMath;
import org.tributary.auth.AccessCheck;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Access decisions for the RTSP server, made by the EJB side's {@link AccessListener} MDB. Answers are
 * cached for a configurable time so repeated requests never reach the database, and a call that does
 * not answer within the timeout fails with {@link AccessCheck.AccessUnavailableException} (a 503), never
 * a hang. The EJB side clears the cache through the outbound connection when rules or users change.
 *
 * <p>The cache key holds the claimed user but never the credentials; a cached decision for a user is
 * only reused after the request's credentials verify against that user's HA1 values, which came with the
 * decision. Decisions on wrong credentials are never cached, so no wrong password can ride on a cached
 * answer.
 */
public final class AccessGate implements AccessCheck {

    private static final Logger LOG = Logger.getLogger(AccessGate.class.getName());
    private static final int MAX_CACHED = 100_000;

    private record Cached(AccessDecision decision, long expiresAtNanos) {
    }

    /** What a decision depends on: everything in the request except the user agent and the proof. */
    private record Key(String protocol, AccessAction action, String path, String clientAddress, AuthScheme scheme,
                       String user) {
        static Key of(AccessRequest r) {
            Credentials c = r.credentials();
            return new Key(r.protocol(), r.action(), r.path(), r.clientAddress(), c == null ? null : c.scheme(),
                    c == null ? null : c.user());
        }
    }

    private final Executor executor;
    private volatile long cacheNanos;
    private final long timeoutMillis;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
    private final LatencyHistogram decisions = new LatencyHistogram();
    private final java.util.concurrent.atomic.LongAdder cacheHits = new java.util.concurrent.atomic.LongAdder();
    private volatile MessageEndpointFactory endpointFactory;
    private volatile boolean warnedNoPolicy;

    public AccessGate(Executor executor, int cacheSeconds, int timeoutMillis) {
        this.executor = executor;
        this.cacheNanos = TimeUnit.SECONDS.toNanos(cacheSeconds);
        this.timeoutMillis = timeoutMillis;
    }

    /** Registers a message-driven bean if it implements {@link AccessListener}. */
    public void activate(MessageEndpointFactory factory) throws ResourceException {
        Class<?> endpointClass = factory.getEndpointClass();
        if (endpointClass != null && !AccessListener.class.isAssignableFrom(endpointClass)) {
            throw new ResourceException(endpointClass.getName() + " does not implement " + AccessListener.class.getName());
        }
        endpointFactory = factory;
        clear();
        LOG.info("access decisions now come from " + (endpointClass == null ? "an endpoint" : endpointClass.getSimpleName()));
    }

    public void deactivate(MessageEndpointFactory factory) {
        if (endpointFactory == factory) {
            endpointFactory = null;
            clear();
        }
    }

    /** Changes how long decisions are reused; forgets the cached ones, which were made under the old rule. */
    public void cacheSeconds(int seconds) {
        cacheNanos = TimeUnit.SECONDS.toNanos(seconds);
        clear();
    }

    /** Forgets every cached decision. */
    public void clear() {
        cache.clear();
    }

    /** How long the policy bean took to decide (cache misses; failures and timeouts included). */
    public LatencyHistogram decisionTimes() {
        return decisions;
    }

    /** Checks answered from the cache since start. */
    public long cacheHits() {
        return cacheHits.sum();
    }

    public int cachedDecisions() {
        return cache.size();
    }

    @Override
    public AccessDecision check(AccessRequest request) throws AccessUnavailableException {
        long now = System.nanoTime();
        Key key = Key.of(request);
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAtNanos - now > 0 && provenBy(request, cached.decision)) {
            cacheHits.increment();
            return cached.decision;
        }
        MessageEndpointFactory factory = endpointFactory;
        if (factory == null) {
            if (!warnedNoPolicy) {
                warnedNoPolicy = true;
                LOG.warning("no access policy bean is deployed: every request is allowed");
            }
            return AccessDecision.allow("no access policy deployed");
        }
        AccessDecision decision;
        try {
            decision = askEndpoint(factory, request);
        } finally {
            decisions.record(System.nanoTime() - now);
        }
        if (cacheNanos > 0 && cacheable(request, decision)) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(decision, now + cacheNanos));
        }
        return decision;
    }

    /** Whether a cached decision may answer this request: anonymous, open to anyone, or the proof verifies. */
    private static boolean provenBy(AccessRequest request, AccessDecision cached) {
        Credentials credentials = request.credentials();
        if (credentials == null || cached.user() == null && cached.allowed()) {
            return true;
        }
        return cached.hashes() != null && DigestMath.verify(credentials, cached.hashes());
    }

    /** Anonymous answers, answers on a path open to anyone, and answers for a verified user. */
    private static boolean cacheable(AccessRequest request, AccessDecision decision) {
        return request.credentials() == null || decision.hashes() != null
                || decision.user() == null && decision.allowed();
    }

    private AccessDecision askEndpoint(MessageEndpointFactory factory, AccessRequest request)
            throws AccessUnavailableException {
        CompletableFuture<AccessDecision> answer = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    answer.complete(deliver(factory, request));
                } catch (Throwable t) {
                    answer.completeExceptionally(t);
                }
            });
            AccessDecision decision = answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (decision == null) {
                throw new AccessUnavailableException("the access policy bean returned no decision", null);
            }
            return decision;
        } catch (TimeoutException e) {
            throw new AccessUnavailableException("the access policy bean did not answer within " + timeoutMillis + " ms", e);
        } catch (ExecutionException e) {
            throw new AccessUnavailableException("the access policy bean failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessUnavailableException("interrupted while waiting for an access decision", e);
        } catch (RuntimeException e) {
            throw new AccessUnavailableException("cannot ask the access policy bean: " + e.getMessage(), e);
        }
    }

    private static AccessDecision deliver(MessageEndpointFactory factory, AccessRequest request) throws ResourceException {
        MessageEndpoint endpoint = factory.createEndpoint(null);
        try {
            return ((AccessListener) endpoint).decide(request);
        } finally {
            endpoint.release();
        }
    }
}
