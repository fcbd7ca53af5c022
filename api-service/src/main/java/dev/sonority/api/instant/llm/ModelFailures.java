package dev.sonority.api.instant.llm;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Why a call to the model failed, in words for the answer's explanation (no stack trace, no key). */
final class ModelFailures {

    private ModelFailures() {
    }

    static String describe(RuntimeException failure, LlmProperties llm) {
        String server = "the " + llm.providerName() + " server at " + llm.url();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException) {
                return server + " cannot be reached (" + cause.getClass().getSimpleName() + ")";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException
                    || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return server + " did not answer within LLM_TIMEOUT (" + llm.timeout().toMillis() / 1000.0 + " s)";
            }
            if (cause instanceof dev.langchain4j.exception.HttpException http) {
                return server + " answered HTTP " + http.statusCode();
            }
        }
        return server + " failed: " + shortened(failure.getMessage());
    }

    private static String shortened(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
