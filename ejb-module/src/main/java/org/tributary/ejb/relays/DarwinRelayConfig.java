package org.tributary.ejb.relays;

import org.tributary.api.RelayDefinition;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Darwin's {@code relayconfig.xml} (QTSSRelayModule) read into relay definitions. The file is
 * {@code <RELAY_CONFIG>} with {@code <OBJECT TYPE="relay">} elements, each with an optional
 * {@code <PREF NAME="enabled">}, one {@code <OBJECT CLASS="source" TYPE=...>} and destinations
 * {@code <OBJECT CLASS="destination" TYPE=...>}, whose values are {@code <PREF NAME=...>} (and
 * {@code <LIST-PREF>}s, which only the UDP kinds use).
 * <ul>
 * <li>An {@code rtsp_source} on another server with an {@code announced_destination} to this one (no
 *     {@code dest_addr}, or a loop-back one) is a <b>pull</b> relay: its URL is
 *     {@code rtsp://source_addr[:rtsp_port]/url}, its user and password the source's {@code name} and
 *     {@code password}, its path the destination's {@code url} (else the source's).</li>
 * <li>A source on this server (an {@code announced_source} with a {@code url}, or an {@code rtsp_source} at a
 *     loop-back address) with an {@code announced_destination} on another server is a <b>push</b> relay: its path
 *     is the source's {@code url}, its URL {@code rtsp://dest_addr[:rtsp_port]/url}, its user and password the
 *     destination's {@code name} and {@code password}.</li>
 * </ul>
 * Every other kind ({@code udp_source}, {@code relay_sdp}, {@code udp_destination}, an {@code announced_source}
 * without a {@code url}, a relay between two other servers) is a problem {@code relayconfig.xml:line: ...} at
 * the line of its element, never dropped silently. A relay with several destinations becomes one relay per
 * destination ({@code name}, {@code name-2}, ...). Darwin's relays had no transport or on-demand setting: the
 * relays read are TCP (interleaved) and always connected. The fields are not checked here ({@link RelayFields}
 * does). The parser reads no DTD and no entity: a {@code DOCTYPE} is refused.
 */
public final class DarwinRelayConfig {

    /** The file name the problems name when none is given. */
    public static final String FILE_NAME = "relayconfig.xml";
    /** RTSP's default port, left out of the URLs made. */
    private static final String DEFAULT_PORT = "554";

    private DarwinRelayConfig() {
    }

    /** A relay read, with the line of its {@code <OBJECT TYPE="relay">}. */
    public record Entry(int line, RelaySpec spec) {
    }

    /** The relays read and the problems of the ones that were not, each {@code file:line: message}. */
    public record Parsed(List<Entry> relays, List<String> problems) {
        public Parsed {
            relays = List.copyOf(relays);
            problems = List.copyOf(problems);
        }
    }

    /** The file cannot be read at all (not XML, a DOCTYPE, not a RELAY_CONFIG): nothing of it is taken. */
    public static final class UnreadableException extends Exception {
        public UnreadableException(String message) {
            super(message);
        }
    }

    /**
     * Reads a relayconfig.xml text.
     *
     * @param fileName its name for the problems, or null for {@link #FILE_NAME}
     * @throws UnreadableException when it is not a well-formed RELAY_CONFIG, with {@code file:line: why}
     */
    public static Parsed read(String xml, String fileName) throws UnreadableException {
        String file = fileName == null || fileName.isBlank() ? FILE_NAME : fileName.strip();
        Handler handler = new Handler(file);
        try {
            parser().parse(new InputSource(new StringReader(xml == null ? "" : xml)), handler);
        } catch (SAXParseException e) {
            throw new UnreadableException(file + ":" + Math.max(1, e.getLineNumber()) + ": " + why(e));
        } catch (SAXException | IOException e) {
            throw new UnreadableException(file + ":1: not a relayconfig.xml: " + e.getMessage());
        }
        if (!handler.rootSeen) {
            throw new UnreadableException(file + ":1: not a relayconfig.xml: the root element must be RELAY_CONFIG");
        }
        return new Parsed(handler.relays, handler.problems);
    }

    /** The JDK's SAX parser, reading no DTD and no external entity (a DOCTYPE is a fatal error). */
    static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
    }

    private static String why(SAXParseException e) {
        String message = e.getMessage() == null ? "not well-formed" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return "a DOCTYPE is not allowed (no DTD and no entity is read)";
        }
        return "not well-formed XML: " + message;
    }

    /** A source or destination object being read. */
    private static final class Part {
        final String type;
        final int line;
        final Map<String, String> prefs = new LinkedHashMap<>();

        Part(String type, int line) {
            this.type = type == null ? "" : type;
            this.line = line;
        }

        String pref(String... names) {
            for (String name : names) {
                String value = prefs.get(name);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return null;
        }
    }

    /** A relay object being read. */
    private static final class RelayObject {
        final int line;
        final int index;
        final Map<String, String> prefs = new LinkedHashMap<>();
        Part source;
        final List<Part> destinations = new ArrayList<>();

        RelayObject(int line, int index) {
            this.line = line;
            this.index = index;
        }
    }

    private static final class Handler extends DefaultHandler {
        private final String file;
        private final List<Entry> relays = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final Deque<String> elements = new ArrayDeque<>();
        private Locator locator;
        private boolean rootSeen;
        private int count;
        private RelayObject relay;
        private Part part;
        private String prefName;
        private StringBuilder text;

        Handler(String file) {
            this.file = file;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 1 : locator.getLineNumber();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            String element = qName.toUpperCase(Locale.ROOT);
            if (elements.isEmpty()) {
                if (!element.equals("RELAY_CONFIG")) {
                    throw new SAXParseException("the root element must be RELAY_CONFIG, not " + qName, locator);
                }
                rootSeen = true;
            } else if (element.equals("OBJECT")) {
                String type = attributes.getValue("TYPE");
                String kind = attributes.getValue("CLASS");
                if (relay == null && elements.size() == 1 && "relay".equalsIgnoreCase(type)) {
                    relay = new RelayObject(line(), ++count);
                } else if (relay != null && part == null && "source".equalsIgnoreCase(kind)) {
                    part = new Part(type, line());
                    if (relay.source != null) {
                        problems.add(file + ":" + line() + ": relay '" + name(relay) + "': a second source is ignored"
                                + " (a Darwin relay has one)");
                    } else {
                        relay.source = part;
                    }
                } else if (relay != null && part == null && "destination".equalsIgnoreCase(kind)) {
                    part = new Part(type, line());
                    relay.destinations.add(part);
                } else {
                    problems.add(file + ":" + line() + ": an OBJECT " + (kind == null ? "" : "CLASS=\"" + kind + "\" ")
                            + "TYPE=\"" + type + "\" here is not part of Darwin's relay format; ignored");
                }
            } else if (element.equals("PREF") && relay != null) {
                prefName = attributes.getValue("NAME");
                text = new StringBuilder();
            }
            elements.push(element);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String element = elements.pop();
            if (element.equals("PREF") && text != null) {
                if (prefName != null) {
                    (part != null ? part.prefs : relay.prefs).put(prefName.toLowerCase(Locale.ROOT), text.toString());
                }
                text = null;
                prefName = null;
            } else if (element.equals("OBJECT")) {
                if (part != null && (elements.size() == 2)) {
                    part = null;
                } else if (relay != null && elements.size() == 1) {
                    read(relay);
                    relay = null;
                }
            }
        }

        private String name(RelayObject r) {
            String given = r.prefs.get("name");
            if (given == null || given.isBlank()) {
                return "relay-" + r.index;
            }
            String name = given.strip().replaceAll("[^A-Za-z0-9._-]+", "-");
            return name.length() > 60 ? name.substring(0, 60) : name;
        }

        private void problem(int line, RelayObject r, String message) {
            problems.add(file + ":" + line + ": relay '" + name(r) + "': " + message);
        }

        /** The relays of one relay object, or its problems. */
        private void read(RelayObject r) {
            Part source = r.source;
            if (source == null) {
                problem(r.line, r, "no source OBJECT; not imported");
                return;
            }
            boolean localSource;
            switch (source.type.toLowerCase(Locale.ROOT)) {
                case "rtsp_source" -> localSource = local(source.pref("source_addr"));
                case "announced_source" -> localSource = true;
                case "udp_source" -> {
                    problem(source.line, r, "a udp_source (raw RTP over UDP or multicast) is not supported: only"
                            + " rtsp_source and announced_source relays are imported");
                    return;
                }
                case "relay_sdp" -> {
                    problem(source.line, r, "a relay_sdp source (an SDP-described UDP relay) is not supported: only"
                            + " rtsp_source and announced_source relays are imported");
                    return;
                }
                default -> {
                    problem(source.line, r, "a source of TYPE \"" + source.type + "\" is not supported");
                    return;
                }
            }
            if (r.destinations.isEmpty()) {
                problem(r.line, r, "no destination OBJECT; not imported");
                return;
            }
            boolean enabled = !List.of("false", "0", "no", "disabled")
                    .contains(r.prefs.getOrDefault("enabled", "true").strip().toLowerCase(Locale.ROOT));
            int made = 0;
            for (Part destination : r.destinations) {
                if (!destination.type.equalsIgnoreCase("announced_destination")) {
                    problem(destination.line, r, "a destination of TYPE \"" + destination.type + "\" is not supported"
                            + (destination.type.equalsIgnoreCase("udp_destination") ? " (raw RTP over UDP or multicast)" : "")
                            + ": only announced_destination is imported");
                    continue;
                }
                boolean localDestination = local(destination.pref("dest_addr"));
                RelaySpec spec;
                if (!localSource && localDestination) {
                    String path = path(destination.pref("url"));
                    spec = new RelaySpec(null, RelayDefinition.Direction.PULL,
                            path != null ? path : path(source.pref("url")),
                            url(source.pref("source_addr"), source.pref("rtsp_port", "source_port"), source.pref("url")),
                            source.pref("name"), source.pref("password"), "tcp", false, RelaySpec.DEFAULT_LINGER, enabled);
                } else if (localSource && !localDestination) {
                    String path = path(source.pref("url"));
                    if (path == null) {
                        problem(source.line, r, "an announced_source without a url relays every broadcast (Darwin's"
                                + " default relay), which a push relay cannot: give the source a url");
                        continue;
                    }
                    spec = new RelaySpec(null, RelayDefinition.Direction.PUSH, path,
                            url(destination.pref("dest_addr"), destination.pref("rtsp_port", "dest_port"),
                                    destination.pref("url")),
                            destination.pref("name"), destination.pref("password"), "tcp", false,
                            RelaySpec.DEFAULT_LINGER, enabled);
                } else if (localSource) {
                    problem(destination.line, r, "its source and destination are both this server; not imported");
                    continue;
                } else {
                    problem(destination.line, r, "a relay between two other servers is not supported: the source or"
                            + " the destination must be this server");
                    continue;
                }
                made++;
                String name = made == 1 ? name(r) : name(r) + "-" + made;
                relays.add(new Entry(r.line, new RelaySpec(name, spec.direction(), spec.path(), spec.url(), spec.user(),
                        spec.password(), spec.transport(), spec.onDemand(), spec.lingerSeconds(), spec.enabled())));
            }
        }

        /** This server: no address, a loop-back one or the any-address. */
        private static boolean local(String address) {
            if (address == null) {
                return true;
            }
            String a = address.toLowerCase(Locale.ROOT);
            return a.equals("localhost") || a.startsWith("127.") || a.equals("::1") || a.equals("[::1]")
                    || a.equals("0.0.0.0");
        }

        /** A Darwin url ("/live/cam.sdp", or a whole rtsp:// URL) as a path under the media root, or null. */
        private static String path(String url) {
            if (url == null) {
                return null;
            }
            String path = url;
            if (path.regionMatches(true, 0, "rtsp://", 0, 7) || path.regionMatches(true, 0, "rtsps://", 0, 8)) {
                int slash = path.indexOf('/', path.indexOf("//") + 2);
                path = slash < 0 ? "" : path.substring(slash);
            }
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            return path.isEmpty() ? null : path;
        }

        /** rtsp://host[:port]/path of a Darwin address, port and url (a whole rtsp:// url stays as it is). */
        private static String url(String address, String port, String url) {
            if (url != null && (url.startsWith("rtsp://") || url.startsWith("rtsps://"))) {
                return url;
            }
            String host = address == null ? "" : address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
            String p = port == null || port.equals(DEFAULT_PORT) ? "" : ":" + port;
            String rest = url == null ? "" : url.startsWith("/") ? url : "/" + url;
            return "rtsp://" + host + p + rest;
        }
    }
}
