package org.tributary.ejb.logs;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a User-Agent says about the player (c-playerversion, c-playerlanguage, c-os, c-osversion, c-cpu),
 * read as Darwin did from QuickTime-style agents such as {@code QTS (qtver=4.1;cpu=PPC;os=Mac 8.6)}, and
 * otherwise the version of a leading {@code Name/1.2.3} token. Unknown parts are null.
 */
public record PlayerInfo(String version, String language, String os, String osVersion, String cpu) {

    private static final Pattern PARAMS = Pattern.compile("\\(([^)]*=[^)]*)\\)");
    private static final Pattern NAME_VERSION = Pattern.compile("^[A-Za-z][\\w.-]*/(\\d[\\w.]*)");
    private static final PlayerInfo UNKNOWN = new PlayerInfo(null, null, null, null, null);

    public static PlayerInfo of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        Matcher params = PARAMS.matcher(userAgent);
        if (params.find()) {
            Map<String, String> values = new HashMap<>();
            for (String part : params.group(1).split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    values.put(part.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT), part.substring(eq + 1).trim());
                }
            }
            String os = values.get("os");
            String osName = os;
            String osVersion = null;
            if (os != null && os.lastIndexOf(' ') > 0) {
                osName = os.substring(0, os.lastIndexOf(' '));
                osVersion = os.substring(os.lastIndexOf(' ') + 1);
            }
            return new PlayerInfo(values.get("qtver"), values.get("lang"), osName, osVersion, values.get("cpu"));
        }
        Matcher nameVersion = NAME_VERSION.matcher(userAgent.trim());
        return nameVersion.find() ? new PlayerInfo(nameVersion.group(1), null, null, null, null) : UNKNOWN;
    }
}
