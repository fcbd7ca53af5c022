package dev.sonority.bench.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput with wrk (Debian package {@code wrk}) on the same machine: {@code -t2 -cN -dS}, requests
 * rotating over the given paths through a Lua {@code request} function. Answers requests/s and non-2xx count.
 */
final class Wrk {

    record Result(double requestsPerSecond, long errors, String output) {
    }

    private Wrk() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Result run(int port, List<String> paths, int connections, int seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("search-bench-", ".lua");
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String path : paths) {
            lua.append("  \"").append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        }
        lua.append("}\nlocal n = 0\nrequest = function()\n  n = n + 1\n"
                + "  return wrk.format(\"GET\", paths[(n % #paths) + 1])\nend\n");
        Files.writeString(script, lua, StandardCharsets.UTF_8);
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "-s",
                script.toString(), "http://127.0.0.1:" + port).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Files.deleteIfExists(script);
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(output);
        if (!rps.find()) {
            throw new IllegalStateException("wrk printed no Requests/sec:\n" + output);
        }
        return new Result(Double.parseDouble(rps.group(1)), errors.find() ? Long.parseLong(errors.group(1)) : 0,
                output);
    }
}
