package org.tributary.web.console.relays;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.adapter.ClusterRole;
import org.tributary.ejb.relays.DarwinRelayConfig;
import org.tributary.ejb.relays.RelayService;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.Messages;
import org.tributary.web.console.UploadedText;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.List;

/**
 * Imports Darwin's relayconfig.xml, uploaded or pasted (admins): its pull and push relays are stored and run,
 * and every relay that was not (an unsupported kind, a bad field, a name taken) is listed with its line.
 */
@Named
@ViewScoped
public class RelayImportView implements Serializable {

    @EJB
    private RelayService relays;

    @Inject
    private ConsoleUser me;

    private transient Part configFile;
    private String configText = "";
    private List<String> imported = List.of();
    private List<String> problems = List.of();

    public String importFile() {
        imported = List.of();
        problems = List.of();
        if (!me.may(ConsoleSecurity.ADMIN, "import relays")) {
            return null;
        }
        FieldCheck check = new FieldCheck("import");
        String xml = UploadedText.of(configFile, configText, "configFile", check);
        if (check.ok() && xml == null) {
            check.problem("configText", "Upload or paste relayconfig.xml.");
        }
        if (!check.report()) {
            return null;
        }
        String fileName = configFile != null && configFile.getSize() > 0 ? configFile.getSubmittedFileName() : null;
        try {
            RelayService.Imported result = relays.importDarwin(xml, fileName);
            imported = result.imported();
            problems = result.problems();
            if (problems.isEmpty()) {
                Messages.infoAfterRedirect(ClusterRole.current().confirm("Imported " + imported.size() + " relay(s): "
                        + String.join(", ", imported)));
                return "/relays?faces-redirect=true";
            }
            Messages.info("Imported " + imported.size() + " relay(s)" + (imported.isEmpty() ? "" : ": "
                    + String.join(", ", imported)) + "; " + problems.size() + " not imported, listed below.");
        } catch (DarwinRelayConfig.UnreadableException e) {
            problems = List.of(e.getMessage());
            Messages.error(null, "The file cannot be read; nothing was imported.");
        } catch (AdapterOfflineException e) {
            Messages.error(null, e.getMessage());
        }
        return null;
    }

    public Part getConfigFile() { return configFile; }
    public void setConfigFile(Part configFile) { this.configFile = configFile; }
    public String getConfigText() { return configText; }
    public void setConfigText(String configText) { this.configText = configText; }
    public List<String> getImported() { return imported; }
    public List<String> getProblems() { return problems; }
}
