package org.tributary.api.access;

import org.tributary.rtsp.header.DigestAlgorithm;

import java.io.Serializable;

/**
 * A user's stored Digest HA1 values for one realm (RFC 7616 §3.4.2): H(user ":" realm ":" password) with
 * MD5 and with SHA-256. Either may be null (a user imported from a Darwin qtusers file has only MD5).
 * The adapter keeps them for a short time to verify a known user's next requests without the database.
 */
public record UserHashes(String user, String realm, String ha1Md5, String ha1Sha256) implements Serializable {

    /** The HA1 for an algorithm family, or null when it is not stored. */
    public String ha1(DigestAlgorithm algorithm) {
        return algorithm.sha256() ? ha1Sha256 : ha1Md5;
    }

    @Override
    public String toString() {
        return "UserHashes[" + user + "@" + realm + "]";
    }
}
