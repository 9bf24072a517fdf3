package org.tributary.ra;

/**
 * The control path's pool, validated at start like {@link AdapterConfig}: a bad value fails the deployment
 * with a message naming the property.
 *
 * @param threads worker threads answering RTSP and HTTP requests (long-running Work; WildFly's default
 *                long-running pool also runs the selector, sender and housekeeping loops, hence the cap)
 * @param queue   requests waiting for a worker; past this a request is answered 503
 */
record ControlSettings(int threads, int queue) {

    static final int MAX_THREADS = 32;
    static final int MAX_QUEUE = 100_000;

    static ControlSettings of(Integer threads, Integer queue) throws AdapterConfig.InvalidConfigException {
        return new ControlSettings(range("controlThreads", threads, MAX_THREADS), range("controlQueue", queue, MAX_QUEUE));
    }

    private static int range(String property, Integer value, int max) throws AdapterConfig.InvalidConfigException {
        if (value == null || value < 1 || value > max) {
            throw new AdapterConfig.InvalidConfigException(property, value, "must be between 1 and " + max);
        }
        return value;
    }
}
