package org.tributary.it.access;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Tools;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decisions come from the database and survive a restart of the application: a user and a rule are
 * stored from inside the server, the EAR is undeployed (the adapter stops, its cache and nonce key are
 * gone, every EJB and the persistence unit close) and deployed again, and a raw client still gets 401
 * without and 200 with the stored user's password. The H2 file lives in the server's data folder, so a
 * full server restart reads the same rows (the Arquillian server is started once per build).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessSurvivesRedeployIT {

    private static final String EAR = "persisting";
    private static final String FOLDER = "it-persist";

    @Deployment(name = EAR, managed = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(AccessSurvivesRedeployIT.class, AuthenticationIT.class, Tools.class);
    }

    @ArquillianResource
    Deployer deployer;

    @EJB
    UserService users;

    @EJB
    AccessService access;

    private static void expectProtected() throws Exception {
        assertEquals(401, AuthenticationIT.describe(FOLDER).status());
        assertEquals(200, AuthenticationIT.describe(FOLDER, AuthenticationIT.basic("it-keeper", "kept pw")).status());
    }

    @Test
    @Order(1)
    @RunAsClient
    void deploy() {
        deployer.deploy(EAR);
    }

    @Test
    @Order(2)
    @OperateOnDeployment(EAR)
    void storeAUserAndARule() throws Exception {
        AuthenticationIT.mediaFolder(FOLDER);
        users.putUser("it-keeper", null, "kept pw");
        access.putRule(new RuleSpec(FOLDER, null, null, Permission.listed(List.of("it-keeper"), List.of()),
                Permission.of(Audience.NOBODY), null, null, "survives a redeploy"));
        expectProtected();
    }

    @Test
    @Order(3)
    @RunAsClient
    void redeployAndAskAgain() throws Exception {
        deployer.undeploy(EAR);
        deployer.deploy(EAR);
        expectProtected();
    }

    @Test
    @Order(4)
    @OperateOnDeployment(EAR)
    void theRowsAreThereAndAreRemoved() {
        assertEquals("survives a redeploy", access.rule(FOLDER).orElseThrow().getNote());
        access.removeRule(FOLDER);
        users.removeUser("it-keeper");
    }

    @Test
    @Order(5)
    @RunAsClient
    void undeploy() {
        deployer.undeploy(EAR);
    }
}
