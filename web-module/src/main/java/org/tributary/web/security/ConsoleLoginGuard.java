package org.tributary.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Every console password check (the login form and the API's Basic) goes through here: a locked-out name
 * or address is refused before its password is looked at, and each result is counted
 * ({@link LoginThrottle}).
 */
@ApplicationScoped
public class ConsoleLoginGuard {

    private static final Logger LOG = Logger.getLogger(ConsoleLoginGuard.class.getName());

    @Inject
    private IdentityStoreHandler identityStores;

    private LoginThrottle throttle;

    /** What a login attempt came to. */
    public sealed interface Outcome {
    }

    /** The password was right. */
    public record Valid(CredentialValidationResult result) implements Outcome {
    }

    /** The name or password was wrong. */
    public record Invalid() implements Outcome {
    }

    /** Refused without a check: too many failures for the name or the address; retry after the seconds. */
    public record LockedOut(long retryAfterSeconds) implements Outcome {
    }

    @PostConstruct
    void readLimits() {
        ConsoleLoginLimits limits = ConsoleLoginLimits.from(System.getProperties());
        throttle = new LoginThrottle(limits.failuresPerName(), limits.failuresPerAddress(),
                limits.lockoutSeconds() * 1000L, System::currentTimeMillis);
    }

    /** Made at deployment, so a bad limit fails the deployment with its property's name. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object context) {
        // Nothing to do: delivering the event creates the bean, which reads the limits.
    }

    public Outcome logIn(String address, String name, String password) {
        OptionalLong locked = throttle.lockedFor(address, name);
        if (locked.isPresent()) {
            long seconds = (locked.getAsLong() + 999) / 1000;
            LOG.warning("console login refused for user '" + printable(name) + "' from " + address
                    + ": too many failed logins for this name or address; locked out for " + seconds + " s more");
            return new LockedOut(seconds);
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(name, password));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(name);
            return new Valid(result);
        }
        throttle.failed(address, name);
        return new Invalid();
    }

    /** A name as it may go into a log line: no control characters (no forged lines), at most 64 characters. */
    static String printable(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}
