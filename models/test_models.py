#!/usr/bin/python3
"""Small, deterministic ONNX stand-ins for clap, mert, muq and muq_mulan, and a numpy reference of the whole
embedding pipeline Sonority runs on them.

The graphs have exactly the tensor names and layouts of the real exports (models/export_*.py), so the Java
preprocessing, batching, pooling and normalisation run unchanged on them. Their weights are fixed random
projections (numpy seed per model), so a test can recompute every expected output with numpy alone:
preprocessing from its definition (mel bands from the librosa formulas, window placement, per-window
normalisation), the graph's arithmetic, then pooling and L2 normalisation.

    test_models.py generate OUT_DIR            writes OUT_DIR/<model>/<file> for every model, and OUT_DIR/manifest.json
    test_models.py reference MODEL PCM OUT     PCM: float32 LE mono at the model's rate; OUT: float32 LE vector
                              [--windows N]
    test_models.py text-reference MODEL TEXTS.json OUT   reference text embeddings (rows of 512 float32 LE)
    test_models.py clap-mel WINDOW OUT         CLAP log-mel [frames, 64] of one 10 s window (float32 LE)
    test_models.py tokenize TEXT...            ids of the test tokenizer, one JSON list per text (own BPE code)

Needs numpy and onnx (Debian: apt-get install python3-onnx). Never needs onnxruntime or torch.
"""
import json
import os
import sys

import numpy as np

# ---- shapes shared with the Java side (ModelContracts) and the export scripts --------------------------
CLAP_RATE, CLAP_WINDOW_S, CLAP_HOP_S = 48000, 10, 5
CLAP_N_FFT, CLAP_HOP, CLAP_MELS, CLAP_FMIN, CLAP_FMAX = 1024, 480, 64, 50.0, 14000.0
CLAP_FRAMES = CLAP_RATE * CLAP_WINDOW_S // CLAP_HOP + 1  # 1001 (centred frames)
TEXT_MAX = {"clap": 77, "muq_mulan": 128}  # tokens, special tokens included
SSL_RATE, SSL_WINDOW_S = 24000, 10
MERT_LAYERS = 4  # hidden_states[12:16]
MIN_SECONDS = 1.0  # mert/muq/muq_mulan refuse shorter clips
EMBED_CONV = 16  # width of the stand-in feature extractors


def rng(name):
    return np.random.RandomState(abs(hash_name(name)) % (2 ** 31))


def hash_name(name):
    h = 7
    for c in name.encode():
        h = (h * 31 + c) % 1000003
    return h


# ---- weights (the only source of truth for both the graphs and the reference) --------------------------
def clap_audio_weights():
    r = rng("clap-audio")
    return r.randn(CLAP_MELS, 512).astype(np.float32) * 0.05, r.randn(512).astype(np.float32) * 0.1


def text_weights(name, vocab):
    r = rng(name)
    return r.randn(vocab, 512).astype(np.float32), r.randn(512, 512).astype(np.float32) / np.sqrt(512)


def conv_weights(name, kernel, out_dim):
    r = rng(name)
    conv = r.randn(EMBED_CONV, 1, kernel).astype(np.float32) / np.sqrt(kernel)
    return conv, r.randn(EMBED_CONV, out_dim).astype(np.float32)


def mert_layer_weights():
    r = rng("mert-layers")
    return [r.randn(EMBED_CONV, 1024).astype(np.float32) for _ in range(MERT_LAYERS)]


MERT_KERNEL, MERT_STRIDE = 400, 320   # MERT: 75 frames per second at 24 kHz
MUQ_KERNEL, MUQ_STRIDE = 960, 960     # MuQ: 25 frames per second at 24 kHz


# ---- the tiny byte-level BPE tokenizer (RoBERTa layout: <s>=0 <pad>=1 </s>=2 <unk>=3) -----------------
WORDS = ["rock", "jazz", "piano", "music", "calm", "sad", "guitar", "happy"]


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


def tokenizer_spec():
    specials = ["<s>", "<pad>", "</s>", "<unk>"]
    vocab = {t: i for i, t in enumerate(specials)}
    for ch in sorted(set(bytes_to_unicode().values())):
        vocab[ch] = len(vocab)
    merges = []
    for word in WORDS:
        for form in (word, "\u0120" + word):  # Ġ marks a preceding space
            current = form[0]
            for ch in form[1:]:
                merge = (current, ch)
                current += ch
                if merge not in merges:
                    merges.append(merge)
                if current not in vocab:
                    vocab[current] = len(vocab)
    return vocab, merges


def tokenizer_json():
    vocab, merges = tokenizer_spec()
    added = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": True,
              "special": True} for i, t in enumerate(["<s>", "<pad>", "</s>", "<unk>"])]
    return {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0],
                           "trim_offsets": True, "add_prefix_space": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": "<unk>", "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
                  "vocab": vocab, "merges": [a + " " + b for a, b in merges]},
    }


def tokenize(text, max_tokens=77):
    """Independent BPE: split at spaces (GPT-2's regex for plain ASCII words), byte-map, merge by rank."""
    vocab, merges = tokenizer_spec()
    rank = {m: i for i, m in enumerate(merges)}
    table = bytes_to_unicode()
    ids = [0]
    pieces = []
    for i, word in enumerate(text.split(" ")):
        pieces.append((" " if i > 0 else "") + word)
    for piece in pieces:
        symbols = [table[b] for b in piece.encode("utf-8")]
        while len(symbols) > 1:
            pairs = [(rank.get((symbols[j], symbols[j + 1]), 1 << 30), j) for j in range(len(symbols) - 1)]
            best, j = min(pairs)
            if best == 1 << 30:
                break
            symbols = symbols[:j] + [symbols[j] + symbols[j + 1]] + symbols[j + 2:]
        ids.extend(vocab[s] for s in symbols)
    ids = ids[:max_tokens - 1] + [2]
    return ids


# ---- ONNX graphs --------------------------------------------------------------------------------------
def save(model_graph, path, external=False):
    """external: every weight in PATH.data beside the graph, as the MuQ-MuLan release files keep theirs."""
    import onnx
    from onnx import helper
    model = helper.make_model(model_graph, opset_imports=[helper.make_opsetid("", 17)],
                              producer_name="sonority-test-models")
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if external:
        onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location=os.path.basename(path) + ".data", size_threshold=1024)
    else:
        onnx.save(model, path)


def init(name, array):
    from onnx import numpy_helper
    return numpy_helper.from_array(np.asarray(array), name)


def clap_audio_graph():
    """mel_spectrogram [B,1,T,64] -> audio_embedding [B,512], L2-normalised inside the graph like the release file."""
    from onnx import helper, TensorProto as T
    w, b = clap_audio_weights()
    nodes = [
        helper.make_node("ReduceMean", ["mel_spectrogram"], ["pooled"], axes=[2], keepdims=0),   # [B,1,64]
        helper.make_node("Reshape", ["pooled", "shape_b64"], ["flat"]),                           # [B,64]
        helper.make_node("MatMul", ["flat", "w"], ["proj"]),
        helper.make_node("Add", ["proj", "b"], ["biased"]),
        helper.make_node("Tanh", ["biased"], ["raw"]),
        helper.make_node("ReduceL2", ["raw"], ["norm"], axes=[1], keepdims=1),                   # [B,1]
        helper.make_node("Div", ["raw", "norm"], ["audio_embedding"]),
    ]
    return helper.make_graph(nodes, "clap_audio",
                             [helper.make_tensor_value_info("mel_spectrogram", T.FLOAT,
                                                            ["B", 1, CLAP_FRAMES, CLAP_MELS])],
                             [helper.make_tensor_value_info("audio_embedding", T.FLOAT, ["B", 512])],
                             [init("shape_b64", np.array([-1, CLAP_MELS], np.int64)),
                              init("w", w), init("b", b)])


def text_graph(name, vocab):
    """Masked mean of a token-embedding table, then a projection: padding must not change the result."""
    from onnx import helper, TensorProto as T
    table, proj = text_weights(name, vocab)
    nodes = [
        helper.make_node("Gather", ["table", "input_ids"], ["tokens"]),                 # [B,L,512]
        helper.make_node("Cast", ["attention_mask"], ["maskf"], to=T.FLOAT),           # [B,L]
        helper.make_node("Unsqueeze", ["maskf", "axis2"], ["mask3"]),                  # [B,L,1]
        helper.make_node("Mul", ["tokens", "mask3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis1"], ["summed"], keepdims=0),    # [B,512]
        helper.make_node("ReduceSum", ["mask3", "axis1"], ["count"], keepdims=0),      # [B,1]
        helper.make_node("Div", ["summed", "count"], ["mean"]),
        helper.make_node("MatMul", ["mean", "proj"], ["text_embedding"]),
    ]
    return helper.make_graph(nodes, name.replace("-", "_"),
                             [helper.make_tensor_value_info("input_ids", T.INT64, ["B", "L"]),
                              helper.make_tensor_value_info("attention_mask", T.INT64, ["B", "L"])],
                             [helper.make_tensor_value_info("text_embedding", T.FLOAT, ["B", 512])],
                             [init("table", table), init("proj", proj), init("axis1", np.array([1], np.int64)),
                              init("axis2", np.array([2], np.int64))])


def conv_front(name, kernel, stride, out_dim, wave="waveform"):
    """WAVE [B,T] -> Conv1d -> [B,T',out_dim] (tanh of a projection); returns nodes and initialisers."""
    from onnx import helper
    conv, proj = conv_weights(name, kernel, out_dim)
    nodes = [
        helper.make_node("Unsqueeze", [wave, "axis1"], ["wave3"]),                       # [B,1,T]
        helper.make_node("Conv", ["wave3", "conv"], ["feat"], strides=[stride]),         # [B,C,T']
        helper.make_node("Transpose", ["feat"], ["frames"], perm=[0, 2, 1]),             # [B,T',C]
    ]
    inits = [init("conv", conv), init("axis1", np.array([1], np.int64))]
    return nodes, inits, proj


def mert_graph():
    from onnx import helper, TensorProto as T
    nodes, inits, _ = conv_front("mert", MERT_KERNEL, MERT_STRIDE, 1024)
    layers = []
    for k, w in enumerate(mert_layer_weights()):
        inits.append(init("w%d" % k, w))
        nodes += [helper.make_node("MatMul", ["frames", "w%d" % k], ["p%d" % k]),
                  helper.make_node("Tanh", ["p%d" % k], ["t%d" % k]),
                  helper.make_node("Unsqueeze", ["t%d" % k, "axis1"], ["l%d" % k])]    # [B,1,T',1024]
        layers.append("l%d" % k)
    nodes.append(helper.make_node("Concat", layers, ["hidden_states"], axis=1))         # [B,4,T',1024]
    return helper.make_graph(nodes, "mert", [helper.make_tensor_value_info("waveform", T.FLOAT, ["B", "T"])],
                             [helper.make_tensor_value_info("hidden_states", T.FLOAT, ["B", MERT_LAYERS, "F", 1024])],
                             inits)


def muq_graph():
    from onnx import helper, TensorProto as T
    nodes, inits, proj = conv_front("muq", MUQ_KERNEL, MUQ_STRIDE, 1024)
    inits.append(init("proj", proj))
    nodes += [helper.make_node("MatMul", ["frames", "proj"], ["p"]),
              helper.make_node("Tanh", ["p"], ["last_hidden_state"])]
    return helper.make_graph(nodes, "muq", [helper.make_tensor_value_info("waveform", T.FLOAT, ["B", "T"])],
                             [helper.make_tensor_value_info("last_hidden_state", T.FLOAT, ["B", "F", 1024])], inits)


def mulan_audio_graph():
    from onnx import helper, TensorProto as T
    nodes, inits, proj = conv_front("mulan-audio", MUQ_KERNEL, MUQ_STRIDE, 512, wave="wavs")
    inits += [init("proj", proj)]
    nodes += [helper.make_node("ReduceMean", ["frames"], ["pooled"], axes=[1], keepdims=0),  # [B,C]
              helper.make_node("MatMul", ["pooled", "proj"], ["audio_embedding"])]
    return helper.make_graph(nodes, "mulan_audio",
                             [helper.make_tensor_value_info("wavs", T.FLOAT, ["B", SSL_RATE * SSL_WINDOW_S])],
                             [helper.make_tensor_value_info("audio_embedding", T.FLOAT, ["B", 512])], inits)


FILES = {
    "clap": {"clap_audio_model.onnx": clap_audio_graph,
             "clap_text_model.onnx": lambda: text_graph("clap-text", vocab_size()), "tokenizer.json": None},
    "mert": {"mert-v1-330m.onnx": mert_graph},
    "muq": {"muq-large-msd-iter.onnx": muq_graph},
    # weights in .onnx.data files beside the graphs; the tokenizer packed as the release packs it, and unpacked
    "muq_mulan": {"mulan_audio_encoder.onnx": mulan_audio_graph,
                  "mulan_text_encoder.onnx": lambda: text_graph("mulan-text", vocab_size()),
                  "mulan_tokenizer.tar.gz": None},
}
EXTERNAL_DATA = {"mulan_audio_encoder.onnx", "mulan_text_encoder.onnx"}


def vocab_size():
    return len(tokenizer_spec()[0])


def generate(out):
    for model, files in FILES.items():
        for name, make in files.items():
            path = os.path.join(out, model, name)
            if name == "mulan_tokenizer.tar.gz":
                write_tokenizer_archive(path, os.path.join(out, model, "mulan_tokenizer"))
            elif make is None:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w") as f:
                    json.dump(tokenizer_json(), f)
            else:
                save(make(), path, external=name in EXTERNAL_DATA)
    write_stand_in_manifest(out)


def write_stand_in_manifest(out):
    """OUT/manifest.json: the shipped manifest with no sha256 or size for the stand-ins' files, since they are not
    the published ones (MODELS_DIR's own manifest replaces the packed one)."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "manifest.json")) as f:
        manifest = json.load(f)
    for entry in manifest["models"]:
        if entry["name"] in FILES:
            for file in entry["files"]:
                file["sha256"] = None
                file["size"] = None
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)


def write_tokenizer_archive(path, unpacked):
    """The tokenizer as a .tar.gz and already unpacked into UNPACKED (what the download does with it)."""
    import io
    import tarfile
    os.makedirs(unpacked, exist_ok=True)
    data = json.dumps(tokenizer_json()).encode()
    with open(os.path.join(unpacked, "tokenizer.json"), "wb") as f:
        f.write(data)
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("tokenizer.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))


# ---- numpy reference of the whole pipeline -------------------------------------------------------------
def window_starts(n, window, hop):
    """Windows cover the track: every hop while one fits, plus one aligned to the end if the last stops short."""
    if n <= window:
        return [0]
    starts = list(range(0, n - window + 1, hop))
    if starts[-1] + window < n:
        starts.append(n - window)
    return starts


def spread(starts, count):
    """count windows spread over the track: the centre window of each of count equal parts,
    floor((2i + 1) * available / (2 count)) (spi.WindowSelection)."""
    if count is None or count >= len(starts):
        return starts
    return [starts[(2 * i + 1) * len(starts) // (2 * count)] for i in range(count)]


def hz_to_mel(f):
    f = np.asarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-12) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def mel_filters(sr, n_fft, n_mels, fmin, fmax):
    """librosa.filters.mel(htk=False, norm='slaney') written out from its definition."""
    fft_freqs = np.linspace(0, sr / 2, 1 + n_fft // 2)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fft_freqs[None, :]
    weights = np.zeros((n_mels, len(fft_freqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    return weights * (2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels]))[:, None]


def clap_mel(window):
    """torchlibrosa Spectrogram(center=True, pad_mode='reflect', hann) + LogmelFilterBank(ref=1, amin=1e-10,
    top_db=None): [frames, 64] log-mel in dB."""
    x = np.pad(window.astype(np.float64), CLAP_N_FFT // 2, mode="reflect")
    hann = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(CLAP_N_FFT) / CLAP_N_FFT)
    frames = 1 + (len(x) - CLAP_N_FFT) // CLAP_HOP
    idx = np.arange(CLAP_N_FFT)[None, :] + CLAP_HOP * np.arange(frames)[:, None]
    power = np.abs(np.fft.rfft(x[idx] * hann, axis=1)) ** 2
    mel = power @ mel_filters(CLAP_RATE, CLAP_N_FFT, CLAP_MELS, CLAP_FMIN, CLAP_FMAX).T
    return 10.0 * np.log10(np.maximum(1e-10, mel))


def l2(v):
    return v / np.linalg.norm(v)


def conv_frames(wave, name, kernel, stride, out_dim):
    conv, proj = conv_weights(name, kernel, out_dim)
    n = (len(wave) - kernel) // stride + 1
    idx = np.arange(kernel)[None, :] + stride * np.arange(n)[:, None]
    return wave.astype(np.float64)[idx] @ conv[:, 0, :].T.astype(np.float64), proj  # [T', C]


def ssl_windows(pcm, windows):
    n = SSL_RATE * SSL_WINDOW_S
    if len(pcm) < MIN_SECONDS * SSL_RATE:
        raise SystemExit("too short")
    return [pcm[s:s + n] for s in spread(window_starts(len(pcm), n, n), windows)]


def wav2vec_normalise(x):
    """Wav2Vec2FeatureExtractor(do_normalize=True): zero mean, unit variance per window."""
    x = x.astype(np.float64)
    return (x - x.mean()) / np.sqrt(x.var() + 1e-7)


def reference(model, pcm, windows):
    if model == "clap":
        # AudioMuse-AI's clap_analyzer.analyze_audio_file, step by step
        audio = np.clip(pcm.astype(np.float32), -1.0, 1.0)
        audio = (audio * 32767.0).astype(np.int16)
        audio = (audio / 32767.0).astype(np.float32)
        n, hop = CLAP_RATE * CLAP_WINDOW_S, CLAP_RATE * CLAP_HOP_S
        if len(audio) <= n:
            segments = [np.pad(audio, (0, n - len(audio)), mode="constant")]
        else:
            segments = [audio[s:s + n] for s in range(0, len(audio) - n + 1, hop)]
            if len(segments) * hop < len(audio):
                segments.append(audio[-n:])
        w, b = clap_audio_weights()
        outs = [l2(np.tanh(clap_mel(seg).mean(axis=0) @ w + b)) for seg in spread(segments, windows)]
        return l2(np.mean(outs, axis=0))
    if model == "mert":
        outs = []
        for win in ssl_windows(pcm, windows):
            frames, _ = conv_frames(wav2vec_normalise(win), "mert", MERT_KERNEL, MERT_STRIDE, 1024)
            layers = [np.tanh(frames @ w) for w in mert_layer_weights()]
            outs.append(np.mean(layers, axis=0).mean(axis=0))   # mean of layers 12-15, then over time
        return l2(np.mean(outs, axis=0))
    if model == "muq":
        outs = []
        for win in ssl_windows(pcm, windows):
            frames, proj = conv_frames(win, "muq", MUQ_KERNEL, MUQ_STRIDE, 1024)
            outs.append(np.tanh(frames @ proj).mean(axis=0))
        return l2(np.mean(outs, axis=0))
    if model == "muq_mulan":
        # AudioMuse-AI's mulan_analyzer.analyze_audio_file: 10 s segments every 5 s, the last zero-padded
        n, hop = SSL_RATE * SSL_WINDOW_S, SSL_RATE * SSL_WINDOW_S // 2
        count = 1 if len(pcm) <= n else int(np.ceil((len(pcm) - n) / hop)) + 1
        segments = []
        for i in range(count):
            seg = pcm[i * hop:i * hop + n]
            segments.append(np.pad(seg, (0, n - len(seg)), mode="constant"))
        outs = []
        for win in spread(segments, windows):
            frames, proj = conv_frames(win, "mulan-audio", MUQ_KERNEL, MUQ_STRIDE, 512)
            outs.append(frames.mean(axis=0) @ proj)
        return l2(np.mean(outs, axis=0))
    raise SystemExit("unknown model " + model)


def text_reference(model, text):
    table, proj = text_weights("clap-text" if model == "clap" else "mulan-text", vocab_size())
    ids = tokenize(text, TEXT_MAX[model])
    return l2(table[ids].astype(np.float64).mean(axis=0) @ proj)


def main(argv):
    if len(argv) >= 2 and argv[0] == "generate":
        generate(argv[1])
    elif len(argv) >= 4 and argv[0] == "reference":
        windows = int(argv[argv.index("--windows") + 1]) if "--windows" in argv else None
        pcm = np.fromfile(argv[2], dtype="<f4")
        reference(argv[1], pcm, windows).astype("<f4").tofile(argv[3])
    elif len(argv) >= 4 and argv[0] == "text-reference":
        texts = json.loads(open(argv[2]).read())
        np.array([text_reference(argv[1], t) for t in texts]).astype("<f4").tofile(argv[3])
    elif len(argv) >= 3 and argv[0] == "clap-mel":
        window = np.fromfile(argv[1], dtype="<f4")
        clap_mel(window).astype("<f4").tofile(argv[2])
    elif len(argv) >= 2 and argv[0] == "tokenize":
        for text in argv[1:]:
            print(json.dumps(tokenize(text)))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
