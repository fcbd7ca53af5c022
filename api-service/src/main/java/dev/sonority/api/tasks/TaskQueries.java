package dev.sonority.api.tasks;

import dev.sonority.model.task.Task;
import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskType;
import dev.sonority.api.web.Paging;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Set;
import org.springframework.stereotype.Repository;

/** Lists top-level tasks, newest first, optionally only some statuses and types. */
@Repository
public class TaskQueries {

    private final EntityManager entityManager;

    public TaskQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Slice(java.util.List<Task> tasks, long total) {
    }

    public Slice topLevel(Set<TaskStatus> statuses, Set<TaskType> types, Paging paging) {
        String where = " where t.parentId is null"
                + (statuses.isEmpty() ? "" : " and t.status in :statuses")
                + (types.isEmpty() ? "" : " and t.type in :types");
        TypedQuery<Task> page = entityManager.createQuery(
                "select t from Task t" + where + " order by t.createdAt desc, t.id", Task.class);
        TypedQuery<Long> count = entityManager.createQuery("select count(t) from Task t" + where, Long.class);
        if (!statuses.isEmpty()) {
            page.setParameter("statuses", statuses);
            count.setParameter("statuses", statuses);
        }
        if (!types.isEmpty()) {
            page.setParameter("types", types);
            count.setParameter("types", types);
        }
        page.setFirstResult(Math.toIntExact(Math.min(paging.offset(), Integer.MAX_VALUE)));
        page.setMaxResults(paging.limit());
        return new Slice(page.getResultList(), count.getSingleResult());
    }
}
