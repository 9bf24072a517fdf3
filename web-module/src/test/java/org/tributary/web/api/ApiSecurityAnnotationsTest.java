package org.tributary.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the API's resources declare: the body types their writes read, and who may export credentials. */
class ApiSecurityAnnotationsTest {

    @Test
    void everyPostAndPutDeclaresOneConcreteBodyType() throws Exception {
        List<String> writes = new ArrayList<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)) {
                    String where = resource.getSimpleName() + "." + method.getName();
                    Consumes consumes = method.getAnnotation(Consumes.class);
                    assertTrue(consumes != null, where + " has no @Consumes");
                    for (String type : consumes.value()) {
                        assertFalse(type.contains("*"), where + " reads any type: " + type);
                    }
                    writes.add(where);
                }
            }
        }
        assertTrue(writes.size() >= 10, "found the writes: " + writes);
    }

    @Test
    void theQtusersExportIsForAdminsAndTheOthersForViewers() throws Exception {
        Method users = DarwinResource.class.getMethod("exportUsers", String.class);
        assertArrayEquals(new String[]{"admin"}, users.getAnnotation(RolesAllowed.class).value());
        assertArrayEquals(new String[]{"viewer"}, DarwinResource.class.getAnnotation(RolesAllowed.class).value());
        assertEquals(null, DarwinResource.class.getMethod("exportGroups").getAnnotation(RolesAllowed.class));
        assertTrue(users.isAnnotationPresent(GET.class));
        assertArrayEquals(new String[]{MediaType.TEXT_PLAIN},
                DarwinResource.class.getMethod("importUsers", String.class).getAnnotation(Consumes.class).value());
    }

    /** The @Path classes of this package, from the compiled classes. */
    private static List<Class<?>> resources() throws IOException, URISyntaxException, ClassNotFoundException {
        var dir = Paths.get(RestApplication.class.getResource("RestApplication.class").toURI()).getParent();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(RestApplication.class.getPackageName() + "." + name);
                if (type.isAnnotationPresent(Path.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
