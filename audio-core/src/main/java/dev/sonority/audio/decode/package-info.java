/** Decoding any audio file FFmpeg understands into mono float32 PCM at a requested rate, whole, windowed or streamed. */
@NullMarked
package dev.sonority.audio.decode;

import org.jspecify.annotations.NullMarked;
