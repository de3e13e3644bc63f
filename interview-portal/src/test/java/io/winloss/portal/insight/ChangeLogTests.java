package io.winloss.portal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.winloss.portal.PortalTest;
import io.winloss.portal.workspace.WorkspaceId;

/** The change log hands out strictly increasing positions and reads back what came after a position, in order. */
@PortalTest
class ChangeLogTests {

    @Autowired
    ChangeLog changes;

    @Test
    void positionsIncreaseAndAfterReturnsLaterChangesInOrder() {
        WorkspaceId workspace = new WorkspaceId("ws-" + UUID.randomUUID());
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            positions.add(changes.record(workspace, "interview:i" + i).block(Duration.ofSeconds(10)));
        }

        for (int i = 1; i < positions.size(); i++) {
            assertThat(positions.get(i)).isGreaterThan(positions.get(i - 1));
        }
        List<ChangeLog.Change> later = changes.after(positions.get(1), 1000).block(Duration.ofSeconds(10)).stream()
                .filter(c -> c.workspace().equals(workspace)).toList();
        assertThat(later).extracting(ChangeLog.Change::position).containsExactly(positions.get(2), positions.get(3), positions.get(4));
        assertThat(later).extracting(ChangeLog.Change::target).containsExactly("interview:i2", "interview:i3", "interview:i4");
        assertThat(changes.after(positions.get(1), 2).block(Duration.ofSeconds(10))).hasSize(2)
                .allSatisfy(c -> assertThat(c.position()).isGreaterThan(positions.get(1)));
    }
}
