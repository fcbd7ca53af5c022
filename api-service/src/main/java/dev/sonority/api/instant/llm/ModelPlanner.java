package dev.sonority.api.instant.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.sonority.api.instant.tools.BadToolCall;
import dev.sonority.api.instant.tools.LibraryTools;
import dev.sonority.api.instant.tools.LibraryVocabulary;
import dev.sonority.api.instant.tools.Plan;
import dev.sonority.api.instant.tools.ReaderRole;
import dev.sonority.api.instant.tools.Search;
import dev.sonority.api.instant.tools.Tool;
import dev.sonority.api.instant.tools.ToolArguments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the language model choose the searches: the system prompt and the user's words, the four tools, then
 * a loop in which every tool call the model asks for is checked ({@link ToolArguments}) and run
 * ({@link LibraryTools}) by us, and its result sent back, until the model answers in words.
 * <ul>
 *   <li>At most {@value #MAX_TOOL_CALLS} tool calls (AudioMuse-AI's limit); calls past it are answered "not
 *       run" and the model is asked once more, without tools, for its title.</li>
 *   <li>A bad call (unknown tool, arguments that are not JSON or not valid) is answered to the model as an
 *       error once; a second one ends the model's turn: {@link ModelGaveUp}, and the rules answer.</li>
 *   <li>A timeout, an unreachable server, an error status or a response that is not the protocol's: {@link
 *       ModelGaveUp} naming it. So is a model that searched nothing or whose searches found no song.</li>
 * </ul>
 * The model's words become only the title and explanation ({@link ModelReply}).
 */
@Component
public class ModelPlanner {

    static final int MAX_TOOL_CALLS = 4;
    /** Songs of each search shown to the model: enough to judge it, few enough for a small context window. */
    static final int SONGS_SHOWN = 15;

    private static final Logger log = LoggerFactory.getLogger(ModelPlanner.class);

    private final java.util.Optional<ChatModel> chat;
    private final LlmProperties properties;
    private final LibraryTools tools;
    private final LibraryVocabulary vocabulary;
    private final ReaderRole reader;

    ModelPlanner(LlmConfiguration.ChatModelHolder chat, LlmProperties properties, LibraryTools tools,
            LibraryVocabulary vocabulary, ReaderRole reader) {
        this.chat = chat.model();
        this.properties = properties;
        this.tools = tools;
        this.vocabulary = vocabulary;
        this.reader = reader;
    }

    /** Whether a language model is configured (LLM_PROVIDER). */
    public boolean configured() {
        return chat.isPresent();
    }

    /**
     * @param songs the playlist's length, as the model is told
     * @throws ModelGaveUp when the rules must answer instead
     */
    public Plan plan(String prompt, int songs, long seed) {
        ChatModel model = chat.orElseThrow(() -> new ModelGaveUp("no language model is configured"));
        ReaderRole.State role = reader.state();
        if (!role.usable()) {
            throw new ModelGaveUp("the language model stays off while the read-only song reader role is not usable ("
                    + role.problem() + ")");
        }
        List<ChatMessage> messages = new ArrayList<>(List.of(
                SystemMessage.from(SystemPrompt.text(songs, MAX_TOOL_CALLS, vocabulary.names().topGenres(40))),
                UserMessage.from(prompt)));
        List<Search> searches = new ArrayList<>();
        Set<String> askedArtists = new LinkedHashSet<>();
        int calls = 0;
        int badCalls = 0;
        String lastWords = null;
        boolean cut = false;
        while (true) {
            AiMessage answer = ask(model, messages, !cut);
            if (cut || !answer.hasToolExecutionRequests()) {
                lastWords = answer.text();
                break;
            }
            messages.add(answer);
            for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
                if (calls == MAX_TOOL_CALLS) {
                    cut = true;
                    messages.add(ToolExecutionResultMessage.from(call, "Not run: the limit of " + MAX_TOOL_CALLS
                            + " tool calls is reached. Answer now with the JSON object."));
                    continue;
                }
                calls++;
                Tool tool;
                try {
                    tool = ToolArguments.parse(call.name(), call.arguments());
                } catch (BadToolCall e) {
                    if (++badCalls > 1) {
                        throw new ModelGaveUp("the language model called a tool wrongly twice (last: " + e.getMessage()
                                + ")");
                    }
                    messages.add(ToolExecutionResultMessage.from(call, "ERROR: " + e.getMessage()));
                    continue;
                }
                Search search = tools.run(tool, seed);
                searches.add(search);
                askedArtists.addAll(tool.constraints().artists());
                messages.add(ToolExecutionResultMessage.from(call, ToolResults.describe(search, SONGS_SHOWN)));
            }
            cut |= calls == MAX_TOOL_CALLS;
        }
        if (searches.stream().allMatch(search -> search.songs().isEmpty())) {
            throw new ModelGaveUp(searches.isEmpty() ? "the language model answered without searching"
                    : "the language model's searches found no song");
        }
        ModelReply reply = ModelReply.of(lastWords);
        String explanation = reply.explanation() == null ? "Songs chosen by the language model." : reply.explanation();
        if (cut) {
            explanation += " (Searching stopped at the limit of " + MAX_TOOL_CALLS + " tool calls.)";
        }
        return new Plan(properties.providerName(), searches, reply.title(), explanation, List.copyOf(askedArtists));
    }

    private AiMessage ask(ChatModel model, List<ChatMessage> messages, boolean withTools) {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (withTools) {
            request.toolSpecifications(ToolSpecs.ALL);
        }
        try {
            AiMessage answer = model.chat(request.build()).aiMessage();
            if (answer == null) {
                throw new ModelGaveUp("the language model's answer held no message");
            }
            return answer;
        } catch (RuntimeException e) {
            if (e instanceof ModelGaveUp gaveUp) {
                throw gaveUp;
            }
            String reason = ModelFailures.describe(e, properties);
            log.warn("Instant playlist: {}", reason);
            throw new ModelGaveUp(reason, e);
        }
    }
}
