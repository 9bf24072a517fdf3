package org.tributary.ejb.stats;

import java.io.Serializable;

/** A file and how many live sessions play it. */
public record FileCount(String path, int sessions) implements Serializable {
}
