package org.tributary.web.console.channels;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.api.ChannelKind;
import org.tributary.api.MediaFileInfo;
import org.tributary.api.playlist.PlayMode;
import org.tributary.api.playlist.PlaylistItem;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.adapter.ClusterRole;
import org.tributary.ejb.channels.ChannelException;
import org.tributary.ejb.channels.ChannelFields;
import org.tributary.ejb.channels.ChannelResult;
import org.tributary.ejb.channels.ChannelService;
import org.tributary.ejb.channels.ChannelSpec;
import org.tributary.ejb.fields.FieldMessages;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Creates or changes a channel (admins): its mount, kind, mode and radio names, and its items chosen from the
 * media catalogue (MP3s for a radio, the other playable files for a stream) with their weights and order.
 * Saving a running channel restarts it; when the server refuses the new definition nothing is saved and each
 * problem is listed.
 */
@Named
@ViewScoped
public class ChannelEditView implements Serializable {

    @EJB
    private ChannelService channels;

    @Inject
    private ConsoleUser me;

    private String name;
    private boolean existing;
    private String mount = "";
    private String kind = "stream";
    private String mode = PlayMode.SEQUENTIAL_LOOPED.configName();
    private int recentWindow;
    private int upcomingCount = 7;
    private String referenceItem = "";
    private String title = "";
    private String genre = "";
    private String description = "";
    private final List<ItemRow> items = new ArrayList<>();
    private String pick;
    private int pickWeight = PlaylistItem.DEFAULT_WEIGHT;
    private List<String> files = List.of();
    private String catalogueError;

    /** One line of the item list: editable weight. */
    public static final class ItemRow implements Serializable {
        private final String path;
        private int weight;

        ItemRow(String path, int weight) {
            this.path = path;
            this.weight = weight;
        }

        public String getPath() { return path; }
        public int getWeight() { return weight; }
        public void setWeight(int weight) { this.weight = weight; }
    }

    public String load() {
        if (name != null && !name.isBlank()) {
            Optional<ChannelSpec> spec = channels.definition(name);
            if (spec.isEmpty()) {
                Messages.infoAfterRedirect("There is no channel '" + name + "'.");
                return "/channels?faces-redirect=true";
            }
            existing = true;
            ChannelSpec s = spec.get();
            mount = s.mount();
            kind = s.kind().name().toLowerCase(Locale.ROOT);
            mode = s.mode().configName();
            recentWindow = s.recentWindow();
            upcomingCount = s.upcomingCount();
            referenceItem = s.referenceItem() == null ? "" : s.referenceItem();
            title = s.title() == null ? "" : s.title();
            genre = s.genre() == null ? "" : s.genre();
            description = s.description() == null ? "" : s.description();
            items.clear();
            s.items().forEach(i -> items.add(new ItemRow(i.path(), i.weight())));
        }
        readCatalogue();
        return null;
    }

    /** The playable files a channel of the chosen kind may play: MP3s for a radio, the others for a stream. */
    public void readCatalogue() {
        try {
            boolean radio = "radio".equals(kind);
            files = channels.catalogue().stream().filter(MediaFileInfo::playable).map(MediaFileInfo::path)
                    .filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".mp3") == radio).sorted().toList();
            catalogueError = null;
        } catch (AdapterOfflineException e) {
            files = List.of();
            catalogueError = e.getMessage();
        }
    }

    public void addItem() {
        if (pick == null || pick.isBlank()) {
            Messages.error("channel:pick", "Choose a file to add.");
            return;
        }
        if (pickWeight < PlaylistItem.MIN_WEIGHT || pickWeight > PlaylistItem.MAX_WEIGHT) {
            Messages.error("channel:pickWeight", "The weight must be 1 to 10.");
            return;
        }
        items.add(new ItemRow(pick, pickWeight));
    }

    public void removeItem(int index) {
        if (index >= 0 && index < items.size()) {
            items.remove(index);
        }
    }

    public void moveUp(int index) {
        if (index > 0 && index < items.size()) {
            items.add(index - 1, items.remove(index));
        }
    }

    public void moveDown(int index) {
        if (index >= 0 && index < items.size() - 1) {
            items.add(index + 1, items.remove(index));
        }
    }

    public String save() {
        if (!me.may(ConsoleSecurity.ADMIN, "change channels")) {
            return null;
        }
        FieldCheck check = new FieldCheck("channel");
        String n = name == null ? "" : name.trim();
        ChannelKind k = "radio".equals(kind) ? ChannelKind.RADIO : "stream".equals(kind) ? ChannelKind.STREAM : null;
        PlayMode m;
        try {
            m = PlayMode.parse(mode == null ? "" : mode);
        } catch (IllegalArgumentException e) {
            m = null;
        }
        ChannelSpec spec = new ChannelSpec(n, mount == null ? null : mount.trim(), k, m, recentWindow, upcomingCount,
                items.stream().map(i -> new ChannelSpec.Item(i.path, i.weight)).toList(), referenceItem, title, genre,
                description);
        check.absorb(ChannelFields.problems(spec));
        if (!existing && check.ok() && channels.definition(n).isPresent()) {
            check.problem("name", FieldMessages.text("channel.name.taken", n));
        }
        if (!check.report()) {
            return null;
        }
        try {
            if (existing) {
                ChannelResult result = channels.update(n, spec);
                if (!result.accepted()) {
                    Messages.error(null, "Nothing was saved: the server refused the new definition of the running channel " + n + ":");
                    result.problems().forEach(p -> Messages.error(null, p));
                    return null;
                }
            } else {
                channels.create(spec);
            }
        } catch (AdapterOfflineException | ChannelException e) {
            Messages.error(null, e.getMessage());
            return null;
        }
        Messages.infoAfterRedirect(ClusterRole.current().confirm("Saved channel '" + n + "'"));
        return "/channels?faces-redirect=true";
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isExisting() { return existing; }
    public String getMount() { return mount; }
    public void setMount(String mount) { this.mount = mount; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public int getRecentWindow() { return recentWindow; }
    public void setRecentWindow(int recentWindow) { this.recentWindow = recentWindow; }
    public int getUpcomingCount() { return upcomingCount; }
    public void setUpcomingCount(int upcomingCount) { this.upcomingCount = upcomingCount; }
    public String getReferenceItem() { return referenceItem; }
    public void setReferenceItem(String referenceItem) { this.referenceItem = referenceItem; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getGenre() { return genre; }
    public void setGenre(String genre) { this.genre = genre; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<ItemRow> getItems() { return items; }
    public String getPick() { return pick; }
    public void setPick(String pick) { this.pick = pick; }
    public int getPickWeight() { return pickWeight; }
    public void setPickWeight(int pickWeight) { this.pickWeight = pickWeight; }
    public List<String> getFiles() { return files; }
    public String getCatalogueError() { return catalogueError; }
    public List<String> getModes() {
        return java.util.Arrays.stream(PlayMode.values()).map(PlayMode::configName).toList();
    }
}
