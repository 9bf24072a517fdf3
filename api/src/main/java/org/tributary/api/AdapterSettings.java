package org.tributary.api;

import java.io.Serializable;

/**
 * The adapter's settings twice over.
 *
 * @param configured what the deployment configured (the run's {@code -Dtributary.*} properties): the defaults
 *                   that settings stored by an administrator override
 * @param running    what the adapter works with now (the ports and address actually bound)
 */
public record AdapterSettings(RuntimeSettings configured, RuntimeSettings running) implements Serializable {
}
