package org.tributary.ejb.access;

import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;
import org.tributary.api.access.DigestMath;
import org.tributary.api.access.MediaPaths;
import org.tributary.api.access.UserHashes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The decision itself, free of the database so it can be tested directly. Order: the most specific rule
 * covering the path; its address blocks (403); anyone admitted → allow; nobody → 403; no credentials →
 * 401; credentials that do not verify against the stored hashes in the rule's realm → 401; then the
 * authenticated user is allowed, or refused with 403.
 */
public final class AccessPolicy {

    public static final String DEFAULT_REALM = "Streaming Server";

    private AccessPolicy() {
    }

    public static Optional<AccessRule> mostSpecificRule(List<AccessRule> rules, String path) {
        return rules.stream().filter(r -> r.covers(path)).max(Comparator.comparingInt(r -> r.getPathPrefix().length()));
    }

    /**
     * Decides on the canonical spelling of the request's path (the adapter sends it canonical already;
     * normalizing again here means no other spelling can ever slip past a rule). A path without one is refused.
     */
    public static AccessDecision decide(AccessRequest request, List<AccessRule> rules, Directory directory) {
        String path;
        try {
            path = MediaPaths.normalize(request.path());
        } catch (MediaPaths.BadPathException e) {
            return AccessDecision.deny("no canonical path: " + e.getMessage());
        }
        Optional<AccessRule> found = mostSpecificRule(rules, path);
        if (found.isEmpty() && request.action() == AccessAction.READ) {
            return AccessDecision.allow("no rule covers " + path);
        }
        AccessRule rule = found.orElse(null);
        String realm = rule == null || rule.getRealm() == null ? DEFAULT_REALM : rule.getRealm();
        List<AuthScheme> schemes = rule == null || rule.getScheme() == null ? List.of() : List.of(rule.getScheme());
        String because = rule == null ? "no rule covers " + path : "rule '" + rule.getPathPrefix() + "'";
        if (rule != null && !rule.admitsAddress(request.clientAddress())) {
            return AccessDecision.deny("address " + request.clientAddress() + " is refused by " + because)
                    .inRealm(realm, schemes);
        }
        boolean write = request.action() == AccessAction.WRITE;
        Permission permission = rule == null ? Permission.of(Audience.NOBODY) : write ? rule.getWrite() : rule.getRead();
        if (permission.getAudience() == Audience.ANYONE) {
            return AccessDecision.allow(because + " admits anyone").inRealm(realm, schemes);
        }
        if (permission.getAudience() == Audience.NOBODY && !write) {
            return AccessDecision.deny(because + " admits nobody").inRealm(realm, schemes);
        }
        Credentials credentials = request.credentials();
        if (credentials == null) {
            return AccessDecision.challenge("credentials needed by " + because, realm, schemes);
        }
        UserHashes hashes = directory.hashes(credentials.user());
        if (hashes == null || !realm.equals(hashes.realm()) || !DigestMath.verify(credentials, hashes)) {
            return AccessDecision.challenge("wrong credentials for user '" + credentials.user() + "'", realm, schemes);
        }
        String user = credentials.user();
        boolean admitted = permission.admits(user, directory.groupsOf(user))
                || write && directory.broadcasts(user, path);
        AccessDecision decision = admitted
                ? AccessDecision.allow(because + " admits " + user)
                : AccessDecision.deny(because + " does not admit " + user + " to " + (write ? "publish" : "read"));
        return decision.inRealm(realm, schemes).forUser(hashes);
    }
}
