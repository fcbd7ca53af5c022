package dev.sonority.model.task;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Task rows. Top-level tasks have no parent. */
public interface TaskRepository extends JpaRepository<Task, UUID> {

    /** The active (PENDING or RUNNING) top-level task of a type; the schema allows at most one. */
    @Query("select t from Task t where t.type = :type and t.parentId is null"
            + " and t.status in (dev.sonority.model.task.TaskStatus.PENDING, dev.sonority.model.task.TaskStatus.RUNNING)")
    Optional<Task> findActiveTopLevel(TaskType type);

    long countByStatusAndParentIdIsNull(TaskStatus status);

    Page<Task> findByParentIdIsNull(Pageable pageable);
}
