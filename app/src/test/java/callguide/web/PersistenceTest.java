package callguide.web;

import callguide.support.TestApp.Response;
import callguide.support.TestApp;
import callguide.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PersistenceTest {

    @Test
    void calls_survive_a_restart_of_the_service_on_its_embedded_database(@TempDir Path dataDir) throws Exception {
        String id;
        try (TestApp first = TestApp.start(Map.of("DATA_DIR", dataDir.toString()))) {
            id = first.callAnswering("contact_route", "written", "region", "ni");
            first.post("/api/calls/" + id + "/notes", "{\"text\":\"Letter dated 3 November\"}");
        }
        try (TestApp second = TestApp.start(Map.of("DATA_DIR", dataDir.toString()))) {
            Response call = second.get("/api/calls/" + id);
            assertEquals(200, call.status(), call.text());
            assertEquals("ni", call.field("/answers/1/answer"));
            assertEquals("caller", call.field("/step/question"));
            assertEquals("Letter dated 3 November", second.get("/api/calls/" + id + "/events").field("/3/note"));
            assertEquals(200, second.answer(id, "caller", "ice").status());
            assertEquals(200, second.answer(id, "staff_conduct", "no").status());
            assertEquals(200, second.answer(id, "ice_contact", "investigation").status());
            assertEquals("REFER_ICE_TEAM", second.get("/api/calls/" + id).field("/outcome/code"));
        }
    }

    @Test
    void a_call_keeps_the_flow_version_it_started_on_when_the_flow_is_edited(@TempDir Path flows) throws Exception {
        String original = Files.readString(Path.of("../flows/intake.yaml"));
        Files.writeString(flows.resolve("intake.yaml"), original);
        String database = TestDatabase.freshUrl();
        String id;
        String version;
        try (TestApp before = TestApp.start(Map.of("DATABASE_URL", database, "FLOWS_DIR", flows.toString()))) {
            id = before.callAnswering("contact_route", "inbound_call", "region", "gb");
            version = before.get("/api/calls/" + id).field("/flowVersion");
        }
        Files.writeString(flows.resolve("intake.yaml"), original.replace("prompt: Who is complaining?", "prompt: Who is calling?"));
        try (TestApp after = TestApp.start(Map.of("DATABASE_URL", database, "FLOWS_DIR", flows.toString()))) {
            Response old = after.get("/api/calls/" + id);
            assertEquals(version, old.field("/flowVersion"));
            assertEquals("Who is complaining?", old.field("/step/prompt"));

            Response fresh = after.as("h2").post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"h2\"}");
            assertNotEquals(version, fresh.field("/flowVersion"));
            String freshId = fresh.field("/id");
            after.as("h2").answer(freshId, "contact_route", "inbound_call");
            assertEquals("Who is calling?", after.as("h2").answer(freshId, "region", "gb").field("/step/prompt"));
        }
    }
}
