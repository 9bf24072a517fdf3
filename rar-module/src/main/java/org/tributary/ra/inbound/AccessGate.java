package org.tributary.ra.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessListener;
import org.tributary.api.access.AccessRequest;
import org.tributary.server.AccessCheck;

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
 * a hang. The EJB side clears the cache through the outbound connection when rules change.
 */
public final class AccessGate implements AccessCheck {

    private static final Logger LOG = Logger.getLogger(AccessGate.class.getName());
    private static final int MAX_CACHED = 100_000;

    private record Cached(AccessDecision decision, long expiresAtNanos) {
    }

    private final Executor executor;
    private final long cacheNanos;
    private final long timeoutMillis;
    private final Map<AccessRequest, Cached> cache = new ConcurrentHashMap<>();
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

    /** Forgets every cached decision. */
    public void clear() {
        cache.clear();
    }

    public int cachedDecisions() {
        return cache.size();
    }

    @Override
    public AccessDecision check(AccessRequest request) throws AccessUnavailableException {
        long now = System.nanoTime();
        Cached cached = cache.get(request);
        if (cached != null && cached.expiresAtNanos - now > 0) {
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
        AccessDecision decision = askEndpoint(factory, request);
        if (cacheNanos > 0) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(request, new Cached(decision, now + cacheNanos));
        }
        return decision;
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
