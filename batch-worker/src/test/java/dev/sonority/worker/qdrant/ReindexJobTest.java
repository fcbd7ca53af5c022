package dev.sonority.worker.qdrant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskType;
import dev.sonority.worker.jobs.JobFailedException;
import dev.sonority.worker.tasks.TaskStore.TaskRow;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ReindexJobTest {

    @Test
    void withAnotherVectorStoreTheTaskFailsSayingWhatToSet() {
        ReindexJob job = new ReindexJob(null, null, new StaticListableBeanFactory().getBeanProvider(
                dev.sonority.model.vector.qdrant.QdrantVectorSink.class),
                new dev.sonority.model.vector.store.VectorStoreProperties(dev.sonority.model.vector.store.VectorStoreKind.EMBEDDED),
                new StaticListableBeanFactory().getBeanProvider(dev.sonority.model.vector.qdrant.QdrantSettings.class));
        TaskRow task = new TaskRow(UUID.randomUUID(), TaskType.REINDEX, TaskStatus.RUNNING, null, false, 0, 0, null);

        assertThatThrownBy(() -> job.run(task, null)).isInstanceOf(JobFailedException.class)
                .hasMessageContaining("VECTOR_STORE is 'embedded', not qdrant")
                .hasMessageContaining("Set VECTOR_STORE=qdrant for api-service and batch-worker");
    }
}
