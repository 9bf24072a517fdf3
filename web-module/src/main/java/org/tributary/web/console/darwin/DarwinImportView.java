package org.tributary.web.console.darwin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.tributary.ejb.darwin.DarwinFiles;
import org.tributary.ejb.darwin.DarwinImportService;
import org.tributary.ejb.darwin.ImportReport;
import org.tributary.ejb.darwin.ParseProblem;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.UploadedText;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Imports Darwin's qtusers, qtgroups and a qtaccess, each uploaded or pasted, in one go: a bad line in
 * any of them stores nothing and every bad line is listed as file:line (admins).
 */
@Named
@ViewScoped
public class DarwinImportView implements Serializable {

    @EJB
    private DarwinImportService importer;

    @Inject
    private ConsoleUser me;

    private transient Part usersFile;
    private transient Part groupsFile;
    private transient Part accessFile;
    private String usersText = "";
    private String groupsText = "";
    private String accessText = "";
    private String folder = "";
    private List<String> problems = List.of();

    public void importFiles() {
        problems = List.of();
        if (!me.may(ConsoleSecurity.ADMIN, "import Darwin files")) {
            return;
        }
        FieldCheck check = new FieldCheck("import");
        String users = UploadedText.of(usersFile, usersText, "usersFile", check);
        String groups = UploadedText.of(groupsFile, groupsText, "groupsFile", check);
        String access = UploadedText.of(accessFile, accessText, "accessFile", check);
        String f = folder == null ? "" : folder.trim().replaceAll("^/+|/+$", "");
        if (f.contains("..") || f.contains("\\")) {
            check.problem("folder", "A folder under the media root, no '..'.");
        }
        if (check.ok() && users == null && groups == null && access == null) {
            check.problem("", "Upload or paste at least one file.");
        }
        if (!check.report()) {
            return;
        }
        ImportReport report = importer.importFiles(new DarwinFiles(users, groups, access == null ? Map.of() : Map.of(f, access)));
        if (!report.stored()) {
            problems = report.problems().stream().map(ParseProblem::toString).toList();
            Messages.error(null, problems.size() + " bad line(s); nothing was imported.");
            return;
        }
        Messages.info("Imported " + report.users() + " user(s), " + report.groups() + " group(s), "
                + report.rules() + " rule(s).");
        usersText = "";
        groupsText = "";
        accessText = "";
    }

    public Part getUsersFile() { return usersFile; }
    public void setUsersFile(Part usersFile) { this.usersFile = usersFile; }
    public Part getGroupsFile() { return groupsFile; }
    public void setGroupsFile(Part groupsFile) { this.groupsFile = groupsFile; }
    public Part getAccessFile() { return accessFile; }
    public void setAccessFile(Part accessFile) { this.accessFile = accessFile; }
    public String getUsersText() { return usersText; }
    public void setUsersText(String usersText) { this.usersText = usersText; }
    public String getGroupsText() { return groupsText; }
    public void setGroupsText(String groupsText) { this.groupsText = groupsText; }
    public String getAccessText() { return accessText; }
    public void setAccessText(String accessText) { this.accessText = accessText; }
    public String getFolder() { return folder; }
    public void setFolder(String folder) { this.folder = folder; }
    public List<String> getProblems() { return problems; }
}
