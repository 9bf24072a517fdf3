package org.tributary.api.event;

/**
 * Receives the adapter's access records (implemented by a message-driven bean). Called on the adapter's
 * WorkManager threads, one record at a time, in the order the events happened.
 */
public interface SessionEventListener {

    /** A client session ended, or a request was refused; the record says which. */
    void accessRecorded(AccessRecord record);
}
