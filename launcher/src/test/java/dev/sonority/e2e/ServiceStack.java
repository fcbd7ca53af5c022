package dev.sonority.e2e;

import static dev.sonority.e2e.ServiceHttp.jar;

import dev.sonority.testing.FreePorts;
import dev.sonority.testing.ServiceProcess;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three packaged services as one installation for end-to-end tests: api-service and inference-service
 * (with the real MusiCNN weights of {@code ../shared/models}) first, then batch-worker once both answer, all on
 * this run's database and broker and on free ports. Closing stops the worker first.
 */
final class ServiceStack implements AutoCloseable {

    private static final Duration START_WITHIN = Duration.ofSeconds(180);

    private final String api;
    private final String inference;
    private final String worker;
    private final ServiceProcess apiProcess;
    private final ServiceProcess inferenceProcess;
    private final ServiceProcess workerProcess;

    private ServiceStack(String api, String inference, String worker, ServiceProcess apiProcess,
            ServiceProcess inferenceProcess, ServiceProcess workerProcess) {
        this.api = api;
        this.inference = inference;
        this.worker = worker;
        this.apiProcess = apiProcess;
        this.inferenceProcess = inferenceProcess;
        this.workerProcess = workerProcess;
    }

    /** Starts the services on {@code music}, with their logs and models folder under {@code temp}. */
    static ServiceStack start(Path temp, Path music, TestDatabase db, TestBroker mq) throws Exception {
        Path project = Path.of(System.getProperty("sonority.project.dir"));
        Map<String, String> env = new HashMap<>(db.environment());
        env.putAll(mq.environment());
        int apiPort = FreePorts.pick();
        int workerPort = FreePorts.pick();
        int inferencePort = FreePorts.pick();
        env.put("MUSIC_DIR", music.toString());
        env.put("API_PORT", Integer.toString(apiPort));
        env.put("WORKER_PORT", Integer.toString(workerPort));
        env.put("INFERENCE_PORT", Integer.toString(inferencePort));
        env.put("INFERENCE_URL", "http://127.0.0.1:" + inferencePort);
        env.put("MODELS_DIR", temp.resolve("models").toString());
        SharedModels.installMusicnn(temp.resolve("models/musicnn"));
        String api = "http://127.0.0.1:" + apiPort;
        String inference = "http://127.0.0.1:" + inferencePort;
        String worker = "http://127.0.0.1:" + workerPort;
        List<String> apiJvm = List.of("-Xmx512m", "--add-modules", "jdk.incubator.vector");
        ServiceProcess apiProcess = ServiceProcess.start(jar(project, "api-service"), apiJvm, env, temp.resolve("api.log"));
        ServiceProcess inferenceProcess = null;
        ServiceProcess workerProcess = null;
        try {
            inferenceProcess = ServiceProcess.start(jar(project, "inference-service"), env, temp.resolve("inference.log"));
            apiProcess.awaitHealthy(api + "/health", START_WITHIN);
            inferenceProcess.awaitHealthy(inference + "/actuator/health", START_WITHIN);
            workerProcess = ServiceProcess.start(jar(project, "batch-worker"), env, temp.resolve("worker.log"));
            workerProcess.awaitHealthy(worker + "/actuator/health/readiness", START_WITHIN);
            return new ServiceStack(api, inference, worker, apiProcess, inferenceProcess, workerProcess);
        } catch (Exception | AssertionError e) {
            closeAll(workerProcess, inferenceProcess, apiProcess);
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT} of each service. */
    String api() {
        return api;
    }

    String inference() {
        return inference;
    }

    String worker() {
        return worker;
    }

    @Override
    public void close() throws InterruptedException {
        closeAll(workerProcess, inferenceProcess, apiProcess);
    }

    private static void closeAll(ServiceProcess... processes) throws InterruptedException {
        for (ServiceProcess process : processes) {
            if (process != null) {
                process.close();
            }
        }
    }
}
