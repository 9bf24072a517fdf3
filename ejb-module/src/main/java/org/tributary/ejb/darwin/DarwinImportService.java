package org.tributary.ejb.darwin;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.tributary.ejb.access.AccessPolicy;
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.users.UserService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Imports Darwin's qtusers, qtgroups and qtaccess files so an existing installation moves over unchanged.
 * Everything is parsed first; if any line is bad nothing is stored and every bad line is reported.
 * Otherwise users and groups are merged in (group members are added, nobody is removed) and each
 * qtaccess becomes the rule of its folder, keeping that rule's address blocks. Rules use the realm of
 * the qtusers file, the realm its Digest hashes were made with.
 */
@Stateless
public class DarwinImportService {

    static final String QTACCESS = "qtaccess";

    @EJB
    private UserService users;

    @EJB
    private AccessService access;

    public ImportReport importFiles(DarwinFiles files) {
        List<ParseProblem> problems = new ArrayList<>();
        QtUsersFile qtUsers = files.usersText() == null ? null : QtUsersFile.parse("qtusers", files.usersText());
        QtGroupsFile qtGroups = files.groupsText() == null ? null : QtGroupsFile.parse("qtgroups", files.groupsText());
        Map<String, QtAccessFile> qtAccess = new LinkedHashMap<>();
        files.qtaccess().forEach((folder, text) ->
                qtAccess.put(folder, QtAccessFile.parse(folder.isEmpty() ? QTACCESS : folder + "/" + QTACCESS, text)));
        Optional.ofNullable(qtUsers).ifPresent(f -> problems.addAll(f.problems()));
        Optional.ofNullable(qtGroups).ifPresent(f -> problems.addAll(f.problems()));
        qtAccess.values().forEach(f -> problems.addAll(f.problems()));
        if (!problems.isEmpty()) {
            return new ImportReport(List.copyOf(problems), 0, 0, 0);
        }
        String realm = qtUsers == null ? AccessPolicy.DEFAULT_REALM : qtUsers.realm();
        if (qtUsers != null) {
            qtUsers.users().forEach(u -> users.putImportedUser(u.name(), qtUsers.realm(), u.ha1Md5(), u.crypt()));
        }
        if (qtGroups != null) {
            qtGroups.groups().forEach(users::addToGroup);
        }
        qtAccess.forEach((folder, file) -> access.putRule(ruleOf(folder, file, realm)));
        return new ImportReport(List.of(), qtUsers == null ? 0 : qtUsers.users().size(),
                qtGroups == null ? 0 : qtGroups.groups().size(), qtAccess.size());
    }

    /** Imports qtusers and qtgroups files and every qtaccess file found under a media folder. */
    public ImportReport importTree(Path mediaRoot, Path usersFile, Path groupsFile) {
        Map<String, String> qtaccess = new LinkedHashMap<>();
        try (Stream<Path> found = Files.walk(mediaRoot)) {
            for (Path file : found.filter(p -> p.getFileName().toString().equals(QTACCESS)).toList()) {
                String folder = mediaRoot.relativize(file.getParent()).toString().replace('\\', '/');
                qtaccess.put(folder, Files.readString(file, StandardCharsets.UTF_8));
            }
            return importFiles(new DarwinFiles(read(usersFile), read(groupsFile), qtaccess));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Darwin files: " + e.getMessage(), e);
        }
    }

    private RuleSpec ruleOf(String folder, QtAccessFile file, String realm) {
        Optional<AccessRule> existing = access.rule(folder);
        String note = "imported from " + (folder.isEmpty() ? "" : folder + "/") + QTACCESS
                + (file.authName() != null && !file.authName().equals(realm) ? " (AuthName '" + file.authName() + "')" : "");
        return new RuleSpec(folder, realm, file.scheme(), file.read(), file.write(),
                existing.map(AccessRule::getAllowFrom).orElse(List.of()),
                existing.map(AccessRule::getDenyFrom).orElse(List.of()), note);
    }

    private static String read(Path file) throws IOException {
        return file == null || !Files.isRegularFile(file) ? null : Files.readString(file, StandardCharsets.UTF_8);
    }
}
