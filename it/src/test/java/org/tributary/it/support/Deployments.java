package org.tributary.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import org.jboss.shrinkwrap.api.asset.StringAsset;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real EAR the build produced, as Arquillian deployments. */
public final class Deployments {

    private static final String WAR = "tributary-web.war";

    private Deployments() {
    }

    /** The EAR exactly as built (its name must stay tributary.ear: the MDB binding names it). */
    public static EnterpriseArchive ear() {
        File file = new File(System.getProperty("ear.file"));
        if (!file.isFile()) {
            throw new IllegalStateException("the EAR is missing: " + file + " (run through Maven: mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
    }

    /** The EAR with test classes added to its web module, for tests that run inside the server. */
    public static EnterpriseArchive earWithTestClasses(Class<?>... classes) {
        EnterpriseArchive ear = ear();
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addClasses(classes);
        openTestRunner(war);
        war.addClasses(Endpoints.class, ConsoleApi.class, RtspTestClient.class, RtspTestClient.Response.class);
        ear.delete(WAR);
        ear.addAsModule(war);
        return ear;
    }

    /**
     * The console's web.xml asks for a console login on every path; Arquillian's in-container runner
     * servlet (test archives only) is opened with one more, more specific, constraint without a role.
     */
    private static void openTestRunner(WebArchive war) {
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            webXml = out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String open = "    <security-constraint>\n        <web-resource-collection>\n"
                + "            <web-resource-name>Arquillian test runner</web-resource-name>\n"
                + "            <url-pattern>/ArquillianServletRunnerEE9</url-pattern>\n"
                + "            <url-pattern>/ArquillianServletRunner</url-pattern>\n"
                + "        </web-resource-collection>\n    </security-constraint>\n</web-app>";
        war.delete("WEB-INF/web.xml");
        war.setWebXML(new StringAsset(webXml.replace("</web-app>", open)));
    }
}
