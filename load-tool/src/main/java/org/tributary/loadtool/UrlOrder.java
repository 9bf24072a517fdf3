package org.tributary.loadtool;

/** How each new session picks its URL from the list. */
public enum UrlOrder {
    ROUND_ROBIN, RANDOM
}
