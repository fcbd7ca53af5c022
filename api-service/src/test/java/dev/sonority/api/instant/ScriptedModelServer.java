package dev.sonority.api.instant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sonority.api.support.LocalHttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A language-model server scripted per test, speaking the providers' real protocols: OpenAI's
 * {@code POST /v1/chat/completions} (assistant messages with {@code tool_calls}, arguments as a JSON string) and
 * Ollama's {@code POST /api/chat} (non-streamed, {@code message.tool_calls} with arguments as an object). Each
 * request takes the next {@link Reply} of the script and is recorded, so a test can check what the API sent.
 */
final class ScriptedModelServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One scripted answer. */
    sealed interface Reply {
    }

    /** An assistant message asking for these tool calls. */
    record Calls(List<Call> calls) implements Reply {
    }

    /** A tool call; {@code arguments} is sent as written (it may be broken JSON, for OpenAI). */
    record Call(String name, String arguments) {
    }

    /** An assistant message in words. */
    record Words(String text) implements Reply {
    }

    /** The next reply, {@code millis} late. */
    record Late(long millis, Reply reply) implements Reply {
    }

    static Call call(String name, String arguments) {
        return new Call(name, arguments);
    }

    static Calls calls(Call... calls) {
        return new Calls(List.of(calls));
    }

    private final HttpServer server;
    private final BlockingDeque<Reply> script = new LinkedBlockingDeque<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    ScriptedModelServer() {
        server = LocalHttpServer.create();
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, false));
        server.createContext("/api/chat", exchange -> answer(exchange, true));
        server.start();
    }

    /** Replaces the script. */
    void script(Reply... replies) {
        script.clear();
        requests.clear();
        script.addAll(List.of(replies));
    }

    String openAiUrl() {
        return LocalHttpServer.url(server) + "/v1";
    }

    String ollamaUrl() {
        return LocalHttpServer.url(server);
    }

    private void answer(HttpExchange exchange, boolean ollama) throws IOException {
        requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
        Reply reply = script.poll();
        if (reply == null) {
            reply = new Words("{\"title\": \"(script ended)\", \"explanation\": \"no more replies scripted\"}");
        }
        while (reply instanceof Late late) {
            LocalHttpServer.pause(late.millis());
            reply = late.reply();
        }
        LocalHttpServer.respond(exchange, 200, ollama ? ollama(reply) : openAi(reply, requests.size()));
    }

    private static String openAi(Reply reply, int number) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        String finish;
        if (reply instanceof Calls calls) {
            message.put("content", null);
            List<Map<String, Object>> toolCalls = new ArrayList<>();
            for (int i = 0; i < calls.calls().size(); i++) {
                Call call = calls.calls().get(i);
                toolCalls.add(Map.of("id", "call_" + number + "_" + i, "type", "function",
                        "function", Map.of("name", call.name(), "arguments", call.arguments())));
            }
            message.put("tool_calls", toolCalls);
            finish = "tool_calls";
        } else {
            message.put("content", ((Words) reply).text());
            finish = "stop";
        }
        return JSON.writeValueAsString(Map.of("id", "chatcmpl-" + number, "object", "chat.completion",
                "created", 1_765_000_000, "model", "scripted",
                "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finish)),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15)));
    }

    private static String ollama(Reply reply) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        if (reply instanceof Calls calls) {
            message.put("content", "");
            message.put("tool_calls", calls.calls().stream().map(call -> Map.of("function",
                    Map.of("name", call.name(), "arguments", JSON.readTree(call.arguments())))).toList());
        } else {
            message.put("content", ((Words) reply).text());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", "scripted");
        answer.put("created_at", "2026-12-07T12:00:00Z");
        answer.put("message", message);
        answer.put("done", true);
        answer.put("done_reason", "stop");
        answer.put("total_duration", 1_000_000);
        answer.put("prompt_eval_count", 10);
        answer.put("eval_count", 5);
        return JSON.writeValueAsString(answer);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
