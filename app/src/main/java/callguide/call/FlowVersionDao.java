package callguide.call;

import callguide.flow.Flow;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The stored text of every flow version put into service. */
public final class FlowVersionDao {
    private final Jdbi jdbi;

    public FlowVersionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void remember(Flow flow, String text) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO flow_versions (flow_id, version, title, definition) VALUES (:id, :version, :title, :text)
                ON CONFLICT (flow_id, version) DO NOTHING""")
                .bind("id", flow.id()).bind("version", flow.version()).bind("title", flow.title()).bind("text", text)
                .execute());
    }

    public Optional<String> definition(String flowId, String version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT definition FROM flow_versions WHERE flow_id = :id AND version = :v")
                .bind("id", flowId).bind("v", version).mapTo(String.class).findOne());
    }
}
