package dev.sonority.worker.jobs;

import dev.sonority.model.job.JobRequest;
import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskType;
import dev.sonority.worker.config.TransientFailures;
import dev.sonority.worker.tasks.ActiveTasks;
import dev.sonority.worker.tasks.ProgressSnapshot;
import dev.sonority.worker.tasks.TaskStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one job message: claims the task, runs its {@link Job}, and records the outcome. A failure of the work
 * ends the task FAILURE with the reason; a failure of a dependency (database or broker down) is rethrown so
 * the message goes back to the queue and the task runs again when the dependency returns.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Map<TaskType, Job> jobs = new EnumMap<>(TaskType.class);
    private final TaskStore tasks;
    private final ActiveTasks activeTasks;

    JobRunner(List<Job> jobList, TaskStore tasks, ActiveTasks activeTasks) {
        jobList.forEach(job -> jobs.put(job.type(), job));
        this.tasks = tasks;
        this.activeTasks = activeTasks;
    }

    public void handle(JobRequest request) {
        TaskStore.Claim claim = tasks.claim(request.taskId());
        if (claim != TaskStore.Claim.CLAIMED) {
            log.info("Not running {} task {}: {}", request.type(), request.taskId(), claim);
            return;
        }
        TaskStore.TaskRow task = tasks.find(request.taskId()).orElseThrow();
        Job job = jobs.get(task.type());
        if (job == null) {
            tasks.finish(task.id(), TaskStatus.FAILURE, ProgressSnapshot.of(0, 0, null,
                    "This worker cannot run " + task.type() + " tasks"), null);
            return;
        }
        JobContext context = new JobContext(task.id(), tasks);
        try (ActiveTasks.Handle ignored = activeTasks.enter(task.id())) {
            log.info("Running {} task {}", task.type(), task.id());
            switch (job.run(task, context)) {
                case JobOutcome.Done done -> tasks.finish(task.id(), TaskStatus.SUCCESS, done.result(), null);
                case JobOutcome.Delegated delegated -> log.info("Task {} continues in its child messages", task.id());
            }
        } catch (TaskCancelledException e) {
            tasks.markCancelled(task.id());
            log.info("Task {} cancelled", task.id());
        } catch (JobFailedException e) {
            log.warn("Task {} failed: {}", task.id(), e.getMessage());
            tasks.finish(task.id(), TaskStatus.FAILURE, withMessage(context.last(), e.getMessage()), e.getMessage());
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e; // back to the queue; the task stays RUNNING and is picked up again
            }
            log.error("Task {} failed unexpectedly", task.id(), e);
            tasks.finish(task.id(), TaskStatus.FAILURE, withMessage(context.last(), "Failed: " + e), stackTrace(e));
        }
    }

    private static ProgressSnapshot withMessage(ProgressSnapshot last, String message) {
        return new ProgressSnapshot(last.processed(), last.failed(), last.total(), message, last.extra());
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
