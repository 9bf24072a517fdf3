package org.tributary.api.event;

/**
 * Receives the adapter's access records (implemented by a message-driven bean). Called on the adapter's
 * WorkManager threads, one call at a time, in the order the events happened.
 */
public interface SessionEventListener {

    /**
     * Client sessions ended, or requests were refused; each record says which. The records come in batches
     * of at most a few hundred, so a burst of sessions ending costs one history transaction, not one each.
     */
    void accessRecorded(java.util.List<AccessRecord> records);
}
