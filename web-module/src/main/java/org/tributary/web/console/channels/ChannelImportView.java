package org.tributary.web.console.channels;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.tributary.api.ChannelKind;
import org.tributary.api.playlist.PlaylistSyntaxException;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.channels.ChannelException;
import org.tributary.ejb.channels.ChannelFields;
import org.tributary.ejb.channels.ChannelService;
import org.tributary.ejb.channels.DarwinChannelFiles;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.UploadedText;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Makes a stopped channel of a Darwin broadcaster's {@code .ply} (and an included playlist) and {@code .config},
 * each uploaded or pasted (admins); every bad line of either is listed as file:line, and nothing is stored.
 */
@Named
@ViewScoped
public class ChannelImportView implements Serializable {

    @EJB
    private ChannelService channels;

    @Inject
    private ConsoleUser me;

    private String name = "";
    private String mount = "";
    private String kind = "";
    private String mediaFolder = DarwinChannelFiles.DEFAULT_MEDIA_FOLDER;
    private transient Part playlistFile;
    private String playlistText = "";
    private String playlistFileName = "";
    private transient Part configFile;
    private String configText = "";
    private String includeName = "";
    private String includeText = "";
    private List<String> problems = List.of();
    private List<String> warnings = List.of();

    public String importFiles() {
        problems = List.of();
        warnings = List.of();
        if (!me.may(ConsoleSecurity.ADMIN, "import channels")) {
            return null;
        }
        FieldCheck check = new FieldCheck("import");
        String playlist = UploadedText.of(playlistFile, playlistText, "playlistFile", check);
        String config = UploadedText.of(configFile, configText, "configFile", check);
        if (check.ok() && playlist == null) {
            check.problem("playlistText", "Upload or paste the playlist.");
        }
        if (!check.report()) {
            return null;
        }
        String n = name == null ? "" : name.trim();
        String plyName = playlistFileName != null && !playlistFileName.isBlank() ? playlistFileName.trim()
                : playlistFile != null && playlistFile.getSize() > 0 ? playlistFile.getSubmittedFileName() : null;
        String configName = configFile != null && configFile.getSize() > 0 ? configFile.getSubmittedFileName() : null;
        Map<String, String> includes = includeName == null || includeName.isBlank() || includeText == null
                ? Map.of() : Map.of(includeName.trim(), includeText);
        ChannelKind k = "radio".equals(kind) ? ChannelKind.RADIO : "stream".equals(kind) ? ChannelKind.STREAM : null;
        try {
            DarwinChannelFiles.Imported imported = channels.readDarwin(new DarwinChannelFiles.ImportRequest(n, mount, k,
                    mediaFolder, playlist, plyName, config, configName, includes));
            check.absorb(ChannelFields.problems(imported.spec()));
            if (!check.report()) {
                return null;
            }
            channels.create(imported.spec());
            warnings = imported.warnings();
            Messages.infoAfterRedirect("Imported channel '" + n + "' with " + imported.spec().items().size()
                    + " item(s)" + (warnings.isEmpty() ? "." : "; warnings: " + String.join("; ", warnings)));
            return "/channels?faces-redirect=true";
        } catch (PlaylistSyntaxException e) {
            problems = e.errors();
            Messages.error(null, problems.size() + " problem(s); nothing was imported.");
        } catch (AdapterOfflineException | ChannelException e) {
            Messages.error(null, e.getMessage());
        }
        return null;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getMount() { return mount; }
    public void setMount(String mount) { this.mount = mount; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getMediaFolder() { return mediaFolder; }
    public void setMediaFolder(String mediaFolder) { this.mediaFolder = mediaFolder; }
    public Part getPlaylistFile() { return playlistFile; }
    public void setPlaylistFile(Part playlistFile) { this.playlistFile = playlistFile; }
    public String getPlaylistText() { return playlistText; }
    public void setPlaylistText(String playlistText) { this.playlistText = playlistText; }
    public String getPlaylistFileName() { return playlistFileName; }
    public void setPlaylistFileName(String playlistFileName) { this.playlistFileName = playlistFileName; }
    public Part getConfigFile() { return configFile; }
    public void setConfigFile(Part configFile) { this.configFile = configFile; }
    public String getConfigText() { return configText; }
    public void setConfigText(String configText) { this.configText = configText; }
    public String getIncludeName() { return includeName; }
    public void setIncludeName(String includeName) { this.includeName = includeName; }
    public String getIncludeText() { return includeText; }
    public void setIncludeText(String includeText) { this.includeText = includeText; }
    public List<String> getProblems() { return problems; }
    public List<String> getWarnings() { return warnings; }
}
