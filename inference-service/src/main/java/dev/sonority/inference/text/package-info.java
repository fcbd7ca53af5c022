/**
 * Text towers: the tokenizer (DJL HuggingFace tokenizers on the model's tokenizer.json), a batch function for
 * token-id graphs (pooled output, or mean pooling over the attention mask), and text_minilm, the quantized
 * all-MiniLM-L6-v2 of the langchain4j jar. clap and muq_mulan reuse these for their text towers.
 */
package dev.sonority.inference.text;
