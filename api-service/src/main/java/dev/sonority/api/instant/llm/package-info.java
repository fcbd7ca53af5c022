/**
 * Instant playlists with a language model (LangChain4j's chat API: OpenAI-compatible servers or Ollama): the model
 * may only call the search tools, at most four times; its words become the title and explanation, nothing else.
 */
package dev.sonority.api.instant.llm;
