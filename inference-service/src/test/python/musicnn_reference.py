#!/usr/bin/python3
"""Independent reference of Sonority's MusiCNN pipeline, for MusicnnGoldenTest.

Reads mono float32 little-endian PCM at 16 kHz and computes, with numpy only (no librosa, no ONNX Runtime):
  1. the log-mel exactly as librosa.feature.melspectrogram(n_fft=512, hop_length=256, n_mels=96, window='hann',
     center=False, power=2.0, norm='slaney', htk=False) followed by log10(1 + 10000 * mel), re-derived from
     librosa's definitions (slaney mel scale, slaney-normalised triangles, periodic Hann, rfft), in the dtypes
     librosa uses (float64 FFT stored as complex64, float32 mel basis and product);
  2. 187-frame non-overlapping patches (trailing partial patch dropped), as AudioMuse-AI's
     librosa.util.frame + transpose;
  3. the eight ONNX graphs evaluated by a small numpy interpreter of the operators they use (Conv, MaxPool,
     BatchNormalization, ...), reading the weights with python3-onnx;
  4. AudioMuse-AI's pooling: mean embedding, mean tags then a second sigmoid, mean positive-class moods.

Usage: musicnn_reference.py PCM_FILE MODELS_DIR OUT_JSON
"""
import json
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper

SR, N_FFT, HOP, N_MELS, PATCH = 16000, 512, 256, 96, 187


def hz_to_mel(f):
    f = np.asanyarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-10) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asanyarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_basis():
    fftfreqs = np.fft.rfftfreq(N_FFT, 1.0 / SR)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(SR / 2.0), N_MELS + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((N_MELS, len(fftfreqs)), dtype=np.float32)
    for i in range(N_MELS):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2:N_MELS + 2] - mel_f[:N_MELS])
    weights *= enorm[:, np.newaxis]
    return weights


def log_mel(y):
    n_frames = 1 + (len(y) - N_FFT) // HOP
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)  # periodic Hann
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(n_frames)[:, None]
    frames = y[idx].astype(np.float64) * window
    spec = np.fft.rfft(frames, axis=1).astype(np.complex64)  # [T, 257]
    power = (np.abs(spec) ** 2).astype(np.float32)
    mel = np.einsum("tf,mf->mt", power, mel_basis()).astype(np.float32)  # [96, T]
    return np.log10(1 + 10000 * mel).astype(np.float32)


def patches_of(logmel):
    n = logmel.shape[1] // PATCH
    return np.stack([logmel[:, p * PATCH:(p + 1) * PATCH].T for p in range(n)]).astype(np.float32)  # [N,187,96]


# ---- a numpy interpreter of the operators MusiCNN's graphs use ----

def conv(x, w, b, attrs):
    assert attrs.get("group", 1) == 1 and list(attrs.get("strides", [1, 1])) == [1, 1]
    assert list(attrs.get("dilations", [1, 1])) == [1, 1]
    pads = attrs.get("pads", [0, 0, 0, 0])
    x = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    o, c, kh, kw = w.shape
    win = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(2, 3))  # [N,C,H',W',kh,kw]
    out = np.tensordot(win, w, axes=([1, 4, 5], [1, 2, 3]))  # [N,H',W',O]
    out = out.transpose(0, 3, 1, 2)
    return (out + b[None, :, None, None]).astype(np.float32)


def maxpool(x, attrs):
    kh, kw = attrs["kernel_shape"]
    sh, sw = attrs.get("strides", [1, 1])
    assert not any(attrs.get("pads", [0, 0, 0, 0]))
    win = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    return win.max(axis=(4, 5))


def batchnorm(x, scale, bias, mean, var, attrs):
    shape = (1, -1) + (1,) * (x.ndim - 2)
    eps = attrs.get("epsilon", 1e-5)
    return ((x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps) * scale.reshape(shape)
            + bias.reshape(shape)).astype(np.float32)


def run_graph(model, feeds):
    values = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    values.update(feeds)
    for node in model.graph.node:
        a = {at.name: helper.get_attribute_value(at) for at in node.attribute}
        x = [values[i] if i else None for i in node.input]
        op = node.op_type
        if op == "Conv":
            r = conv(x[0], x[1], x[2], a)
        elif op == "MaxPool":
            r = maxpool(x[0], a)
        elif op == "BatchNormalization":
            r = batchnorm(*x, a)
        elif op == "Relu":
            r = np.maximum(x[0], 0)
        elif op == "Reshape":
            shape = [d if d != 0 else x[0].shape[i] for i, d in enumerate(x[1])]
            r = x[0].reshape(shape)
        elif op == "Unsqueeze":
            r = x[0]
            for ax in sorted(int(v) for v in x[1]):
                r = np.expand_dims(r, ax)
        elif op == "Squeeze":
            r = np.squeeze(x[0], axis=tuple(int(v) for v in x[1]))
        elif op == "Transpose":
            r = np.transpose(x[0], a["perm"])
        elif op == "Concat":
            r = np.concatenate(x, axis=a["axis"])
        elif op == "Add":
            r = x[0] + x[1]
        elif op == "Mul":
            r = x[0] * x[1]
        elif op == "MatMul":
            r = np.matmul(x[0], x[1])
        elif op == "ReduceMean":
            r = np.mean(x[0], axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))
        elif op == "ReduceMax":
            r = np.max(x[0], axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))
        elif op == "Flatten":
            ax = a.get("axis", 1)
            r = x[0].reshape(int(np.prod(x[0].shape[:ax])), -1)
        elif op == "Sigmoid":
            r = 1 / (1 + np.exp(-x[0]))
        elif op == "Softmax":
            e = np.exp(x[0] - x[0].max(axis=a.get("axis", -1), keepdims=True))
            r = e / e.sum(axis=a.get("axis", -1), keepdims=True)
        else:
            raise NotImplementedError(op)
        values[node.output[0]] = np.asarray(r, dtype=np.float32) if np.asarray(r).dtype.kind == "f" else r
    return [values[o.name] for o in model.graph.output]


MOODS = [("danceability", 0), ("mood_aggressive", 0), ("mood_happy", 0), ("mood_party", 1), ("mood_relaxed", 1),
         ("mood_sad", 1)]


def main():
    pcm, models, out = sys.argv[1:4]
    y = np.fromfile(pcm, dtype="<f4")
    logmel = log_mel(y)
    patches = patches_of(logmel)
    load = lambda name: onnx.load(f"{models}/musicnn/{name}.onnx")
    emb_model = load("msd-musicnn-1")
    emb = np.concatenate([run_graph(emb_model, {emb_model.graph.input[0].name: patches[i:i + 4]})[0]
                          for i in range(0, len(patches), 4)])
    tag_model = load("msd-msd-musicnn-1")
    tags = run_graph(tag_model, {tag_model.graph.input[0].name: emb})[0]
    moods = []
    for name, positive in MOODS:
        m = load(f"{name}-msd-musicnn-1")
        moods.append(float(np.mean(run_graph(m, {m.graph.input[0].name: emb})[0][:, positive])))
    result = {
        "frames": int(logmel.shape[1]),
        "patches": int(len(patches)),
        "first_patch": patches[0].ravel().tolist(),
        "last_patch": patches[-1].ravel().tolist(),
        "patch_embeddings": emb.tolist(),
        "embedding": np.mean(emb, axis=0).tolist(),
        "tags": (1 / (1 + np.exp(-np.mean(tags, axis=0)))).tolist(),
        "moods": moods,
    }
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
