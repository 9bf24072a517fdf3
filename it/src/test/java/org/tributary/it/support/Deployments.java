package org.tributary.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

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
        war.addClasses(Endpoints.class, ConsoleApi.class, RtspTestClient.class, RtspTestClient.Response.class);
        ear.delete(WAR);
        ear.addAsModule(war);
        return ear;
    }
}
