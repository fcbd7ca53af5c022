package dev.sonority.launcher.cli;

/** The text of {@code ./sonority help}. */
public final class Usage {

    private Usage() {
    }

    public static String text() {
        return """
                Usage: ./sonority COMMAND [options]

                Commands:
                  up --music DIR    start everything on this machine, scan and analyse DIR, show progress,
                                    then keep serving the API until Ctrl-C (a second 'up' resumes)
                  status            progress of a running instance
                  stop              stop a running instance (same as Ctrl-C in its terminal)
                  models pull NAME  download a model's files into the models directory (resumable, sha256-checked
                                    where a checksum is published) through the running inference-service, or one
                                    started just for it; prints the licence first
                  keys add NAME --role read|write|admin
                  keys list
                  keys revoke ID    API keys (AUTH_MODE=keys), through the running instance's API or --api URL,
                                    with the admin key in SONORITY_ADMIN_KEY; 'add' prints the new key once
                  export FILE       write the running instance's analyses and playlists to FILE (a zip; docs/export.md)
                  import FILE       read FILE into the running instance: songs must be scanned first, songs whose
                                    file changed are skipped and analysed again by the next analyze
                  bench [NAME]      run a benchmark of the bench module (no NAME: list them)
                  help              this text

                Options of 'up':
                  --music DIR           the music library root (or MUSIC_DIR)
                  --data DIR            state directory: database, broker store, logs (or SONORITY_HOME; default .sonority/)
                  --port N              API port (or API_PORT; default 8000)
                  --inference-port N    inference-service port (or INFERENCE_PORT; default 8001)
                  --worker-port N       batch-worker actuator port (or WORKER_PORT; default 8002)
                  --models A,B          download these models when missing (e.g. musicnn,clap), then analyse
                                        with them; without it nothing is downloaded
                  --accept-licence      accept non-commercial model licences (musicnn, muq_mulan) for the
                                        download (or MODELS_ACCEPT_LICENCE=true)
                  --models-dir DIR      model weights directory (or MODELS_DIR; default models/)
                  --bind ADDRESS        address the API listens on (or BIND_ADDRESS; default 127.0.0.1, this
                                        machine only); 0.0.0.0 or a LAN address opens it to the network, with
                                        no access control unless AUTH_MODE=keys. inference-service and
                                        batch-worker stay on 127.0.0.1.
                'status', 'stop', 'export', 'import' and 'keys' accept --data DIR; 'keys' also --api URL (e.g. a
                compose install's http://HOST:8000); 'models pull' accepts --models-dir DIR (or --models DIR),
                --accept-licence, --inference-port N and --data DIR.

                Embedded PostgreSQL and an embedded AMQP broker are started unless DATABASE_URL (with
                DATABASE_USERNAME, DATABASE_PASSWORD) or RABBITMQ_URL point at real ones.
                """;
    }
}
