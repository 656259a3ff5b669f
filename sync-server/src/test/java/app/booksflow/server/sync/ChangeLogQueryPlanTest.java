package app.booksflow.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.PlannerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The merge's read of an entity's payload at its base version, exactly as SyncStore sends it, on a practice-sized log. */
class ChangeLogQueryPlanTest {

    @Test
    void thePayloadAtABaseVersionIsFoundThroughTheIndexByEntityAndVersion() throws SQLException {
        try (Connection c = PlannerDatabase.connect()) {
            UUID entity = PlannerDatabase.any(c, "select entity_id from change_log order by entity_id limit 1 offset 4000");
            List<Object> parameters = List.of(entity, 2L);

            assertThat(PlannerDatabase.indexesUsed(c, SyncStore.PAYLOAD_AT_VERSION, parameters))
                    .as(PlannerDatabase.plan(c, SyncStore.PAYLOAD_AT_VERSION, parameters).toPrettyString())
                    .contains("change_log_by_entity_and_version");
        }
    }
}
