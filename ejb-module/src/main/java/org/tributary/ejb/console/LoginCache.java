package org.tributary.ejb.console;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful console logins for a short time so that the JSON API, which sends Basic
 * credentials on every request, does not pay for a PBKDF2 hash each time. Only an HMAC of the password
 * under a key made at start is kept, in memory; any change to an account forgets it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Memory only: no transaction needed, and ConsoleAccountService also calls forget() after its own one ended.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginCache {

    static final long TTL_MILLIS = Long.getLong("tributary.console.login-cache-seconds", 60) * 1000;

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] proof, ConsoleRole role, long expires) {
    }

    public LoginCache() {
        new SecureRandom().nextBytes(key);
    }

    public ConsoleRole lookup(String name, String password) {
        Entry entry = entries.get(name);
        if (entry == null || entry.expires() < System.currentTimeMillis()) {
            return null;
        }
        return MessageDigest.isEqual(entry.proof(), proof(password)) ? entry.role() : null;
    }

    public void remember(String name, String password, ConsoleRole role) {
        entries.put(name, new Entry(proof(password), role, System.currentTimeMillis() + TTL_MILLIS));
    }

    public void forget(String name) {
        entries.remove(name);
    }

    private byte[] proof(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
