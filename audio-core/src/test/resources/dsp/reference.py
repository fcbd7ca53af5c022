#!/usr/bin/python3
"""Independent reference values for audio-core's DSP (dev.sonority.audio.dsp).

Written from the textbook / librosa 0.10 definitions with numpy and scipy only (librosa itself is not
installed). Run with Debian's python (numpy 1.24, scipy 1.10):

    /usr/bin/python3 reference.py            # writes signals/*.f32 and golden/*.tsv next to this file

Signals are raw float32 little-endian mono at 22050 Hz. Golden files are TSV lines
    name <TAB> rows <TAB> cols <TAB> space-separated values (row-major, %.10g)
"""
import os
import numpy as np
import scipy.fft
import scipy.signal

HERE = os.path.dirname(os.path.abspath(__file__))
SR = 22050
N_FFT = 2048
HOP = 512
N_MELS = 128
N_MFCC = 13
LENGTH = SR + 123  # not a multiple of the hop: exercises the last, partial frames


# ---------------------------------------------------------------- signals
def signals():
    t = np.arange(LENGTH) / SR
    duration = LENGTH / SR
    out = {}
    out["sine440"] = 0.5 * np.sin(2 * np.pi * 440 * t)
    f0, f1 = 100.0, 8000.0  # linear chirp 100 Hz -> 8 kHz
    out["chirp"] = 0.5 * np.sin(2 * np.pi * (f0 * t + (f1 - f0) * t * t / (2 * duration)))
    two = 0.3 * np.sin(2 * np.pi * 261.63 * t)
    two += np.where(t >= 0.5, 0.2 * np.sin(2 * np.pi * 392.0 * t), 0.0)  # G enters at 0.5 s: an onset
    out["twotone"] = two
    out["noise"] = np.random.default_rng(1234).uniform(-0.5, 0.5, LENGTH)
    return {k: v.astype("<f4") for k, v in out.items()}


# ---------------------------------------------------------------- STFT (librosa.stft, center=True, pad_mode constant)
def hann_periodic(n):
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)  # scipy.signal.get_window('hann', n, fftbins=True)


def frames(y, n, hop, pad_mode):
    y = np.pad(y, n // 2, mode=pad_mode)
    count = 1 + (len(y) - n) // hop
    return np.stack([y[i * hop:i * hop + n] for i in range(count)], axis=1)  # (n, frames)


def stft_magnitude(y):
    x = frames(y.astype(np.float64), N_FFT, HOP, "constant") * hann_periodic(N_FFT)[:, None]
    return np.abs(np.fft.rfft(x, axis=0))  # (1 + n_fft/2, frames)


# ---------------------------------------------------------------- mel (Slaney 1998 Auditory Toolbox; HTK)
def hz_to_mel(f, htk):
    f = np.asanyarray(f, dtype=np.float64)
    if htk:
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, mels)


def mel_to_hz(m, htk):
    m = np.asanyarray(m, dtype=np.float64)
    if htk:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def mel_filterbank(sr, n_fft, n_mels, htk, slaney_norm=True, fmin=0.0, fmax=None):
    fmax = sr / 2.0 if fmax is None else fmax
    fft_hz = np.linspace(0, sr / 2.0, 1 + n_fft // 2)
    edges = mel_to_hz(np.linspace(hz_to_mel(fmin, htk), hz_to_mel(fmax, htk), n_mels + 2), htk)
    w = np.zeros((n_mels, len(fft_hz)))
    for m in range(n_mels):
        lo, centre, hi = edges[m], edges[m + 1], edges[m + 2]
        rising = (fft_hz - lo) / (centre - lo)
        falling = (hi - fft_hz) / (hi - centre)
        w[m] = np.maximum(0.0, np.minimum(rising, falling))
        if slaney_norm:
            w[m] *= 2.0 / (hi - lo)  # constant energy per band
    return w


def power_to_db(s, ref=1.0, amin=1e-10, top_db=80.0):
    db = 10.0 * np.log10(np.maximum(amin, s)) - 10.0 * np.log10(max(amin, ref))
    return np.maximum(db, db.max() - top_db)


def dct_ortho_matrix(n_out, n_in):
    # DCT-II, orthonormal (scipy.fft.dct(type=2, norm='ortho')), written out as a matrix
    k = np.arange(n_out)[:, None]
    n = np.arange(n_in)[None, :]
    d = np.sqrt(2.0 / n_in) * np.cos(np.pi * k * (2 * n + 1) / (2.0 * n_in))
    d[0] /= np.sqrt(2.0)
    return d


# ---------------------------------------------------------------- chroma (Ellis' chromagram_E, as in librosa.filters.chroma)
def chroma_filterbank(sr, n_fft, n_chroma=12, tuning=0.0, ctroct=5.0, octwidth=2.0):
    freqs = np.arange(1, n_fft) * (sr / n_fft)  # all bins of the full FFT except DC
    a440 = 440.0 * 2.0 ** (tuning / n_chroma)
    octs = np.log2(freqs / (a440 / 16.0))  # octaves relative to A0 (27.5 Hz)
    frqbins = n_chroma * octs
    frqbins = np.concatenate(([frqbins[0] - 1.5 * n_chroma], frqbins))  # DC: 1.5 octaves below bin 1
    binwidth = np.concatenate((np.maximum(np.diff(frqbins), 1.0), [1.0]))
    half = np.round(n_chroma / 2.0)
    w = np.empty((n_chroma, n_fft))
    for c in range(n_chroma):
        d = np.remainder(frqbins - c + half + 10 * n_chroma, n_chroma) - half  # distance in chroma bins
        w[c] = np.exp(-0.5 * (2.0 * d / binwidth) ** 2)
    w /= np.sqrt(np.sum(w * w, axis=0, keepdims=True))  # L2 per FFT bin
    w *= np.exp(-0.5 * ((frqbins / n_chroma - ctroct) / octwidth) ** 2)  # Gaussian octave weighting
    w = np.roll(w, -3, axis=0)  # start at C rather than A
    return w[:, :1 + n_fft // 2]


def normalize_inf(x):
    peak = np.max(np.abs(x), axis=0, keepdims=True)
    return x / np.where(peak < np.finfo(np.float32).tiny, 1.0, peak)


# ---------------------------------------------------------------- spectral contrast (Jiang et al. 2002, as librosa)
def spectral_contrast(mag, sr=SR, n_fft=N_FFT, fmin=200.0, n_bands=6, quantile=0.02):
    freqs = np.linspace(0, sr / 2.0, 1 + n_fft // 2)
    edges = np.concatenate(([0.0], fmin * 2.0 ** np.arange(n_bands + 1)))  # 0, 200, 400, ..., 12 800 Hz
    peak = np.zeros((n_bands + 1, mag.shape[1]))
    valley = np.zeros_like(peak)
    for k in range(n_bands + 1):
        member = (freqs >= edges[k]) & (freqs <= edges[k + 1])
        first, last = np.flatnonzero(member)[[0, -1]]
        if k > 0:
            member[first - 1] = True  # one bin below the band's lower edge
        if k == n_bands:
            member[last + 1:] = True  # the top band runs to Nyquist
        rows = np.flatnonzero(member)
        count = max(int(np.rint(quantile * len(rows))), 1)  # quantile of the band *with* its extra bins
        if k < n_bands:
            rows = rows[:-1]  # ... but the last bin belongs to the next band
        ordered = np.sort(mag[rows], axis=0)
        valley[k] = ordered[:count].mean(axis=0)
        peak[k] = ordered[-count:].mean(axis=0)
    return power_to_db(peak) - power_to_db(valley)  # dB of magnitudes, each matrix clipped at its own max - 80


# ---------------------------------------------------------------- features
def features(y):
    mag = stft_magnitude(y)
    power = mag ** 2
    freqs = np.linspace(0, SR / 2.0, 1 + N_FFT // 2)
    out = {}
    out["power_frames_0_1_10_last"] = power[:, [0, 1, 10, power.shape[1] - 1]].T
    total = mag.sum(axis=0)
    safe = np.where(total < np.finfo(np.float32).tiny, 1.0, total)
    centroid = (freqs[:, None] * mag).sum(axis=0) / safe
    out["centroid"] = centroid
    out["bandwidth"] = np.sqrt(((freqs[:, None] - centroid[None, :]) ** 2 * mag / safe).sum(axis=0))
    cumulative = np.cumsum(mag, axis=0)
    rolloff = np.empty(mag.shape[1])
    for t in range(mag.shape[1]):
        rolloff[t] = freqs[np.argmax(cumulative[:, t] >= 0.85 * cumulative[-1, t])]
    out["rolloff"] = rolloff
    p = np.maximum(1e-10, power)
    out["flatness"] = np.exp(np.mean(np.log(p), axis=0)) / np.mean(p, axis=0)
    # zero-crossing rate: edge padding, |y| <= 1e-10 counts as 0, 0 counts as positive, mean over the frame
    yz = frames(y.astype(np.float64), N_FFT, HOP, "edge")
    yz = np.where(np.abs(yz) <= 1e-10, 0.0, yz)
    sign = np.signbit(yz)
    out["zcr"] = np.sum(sign[1:] != sign[:-1], axis=0) / N_FFT
    out["rms"] = np.sqrt(np.mean(frames(y.astype(np.float64), N_FFT, HOP, "constant") ** 2, axis=0))
    mel = mel_filterbank(SR, N_FFT, N_MELS, htk=False) @ power
    mel_db = power_to_db(mel)
    out["melspec_db_frame10"] = mel_db[:, 10]
    out["mfcc"] = dct_ortho_matrix(N_MFCC, N_MELS) @ mel_db
    # cross-check the DCT matrix against scipy's DCT
    assert np.allclose(out["mfcc"], scipy.fft.dct(mel_db, type=2, norm="ortho", axis=0)[:N_MFCC])
    chroma = chroma_filterbank(SR, N_FFT) @ power
    out["chroma"] = normalize_inf(chroma)
    # onset strength: lag-1 difference of the dB mel spectrogram, rectified, mean over bands, shifted right
    # by lag + n_fft // (2 hop) = 3 frames and cut to the frame count
    flux = np.mean(np.maximum(0.0, mel_db[:, 1:] - mel_db[:, :-1]), axis=0)
    onset = np.concatenate((np.zeros(1 + N_FFT // (2 * HOP)), flux))[:mel_db.shape[1]]
    out["onset_strength"] = onset
    # track summaries as the acoustic model reports them: population mean / std over frames
    delta = scipy.signal.savgol_filter(out["mfcc"], 9, 1, deriv=1, axis=-1, mode="interp")
    out["summary_lainbow54"] = np.concatenate((
        [centroid.mean(), centroid.std(), out["bandwidth"].mean(), out["bandwidth"].std()],
        out["mfcc"].mean(axis=1), out["mfcc"].std(axis=1), out["chroma"].mean(axis=1), out["chroma"].std(axis=1)))
    out["summary_rms_zcr_rolloff2_flatness2"] = np.array([
        out["rms"].mean(), out["zcr"].mean(), rolloff.mean(), rolloff.std(),
        out["flatness"].mean(), out["flatness"].std()])
    out["summary_delta_means_stds"] = np.concatenate((delta.mean(axis=1), delta.std(axis=1)))
    contrast = spectral_contrast(mag)
    out["contrast"] = contrast
    out["summary_contrast_means_stds"] = np.concatenate((contrast.mean(axis=1), contrast.std(axis=1)))
    return out


def write_tsv(path, table):
    with open(path, "w") as f:
        for name, value in table.items():
            a = np.atleast_2d(np.asarray(value, dtype=np.float64))
            f.write("%s\t%d\t%d\t%s\n" % (name, a.shape[0], a.shape[1], " ".join("%.10g" % v for v in a.ravel())))


def main():
    os.makedirs(os.path.join(HERE, "signals"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "golden"), exist_ok=True)
    for name, y in signals().items():
        y.tofile(os.path.join(HERE, "signals", name + ".f32"))
        write_tsv(os.path.join(HERE, "golden", name + ".tsv"), features(y))
    banks = {}
    for label, sr, n_fft, n_mels, htk in [("slaney_22050_2048_128", 22050, 2048, 128, False),
                                          ("htk_22050_2048_128", 22050, 2048, 128, True),
                                          ("slaney_16000_512_40", 16000, 512, 40, False),
                                          ("htk_16000_512_40", 16000, 512, 40, True)]:
        w = mel_filterbank(sr, n_fft, n_mels, htk)
        if n_mels == 128:  # the big banks: a few whole bands and every band's sum (their MFCCs cover the rest)
            banks["mel_" + label + "_rows_0_1_64_127"] = w[[0, 1, 64, 127]]
            banks["mel_" + label + "_rowsums"] = w.sum(axis=1)
        else:
            banks["mel_" + label] = w
    banks["chroma_22050_512"] = chroma_filterbank(22050, 512)
    banks["mel_scale_hz"] = np.array([0.0, 200.0, 999.0, 1000.0, 1001.0, 4000.0, 11025.0])
    banks["mel_scale_slaney"] = hz_to_mel(banks["mel_scale_hz"], htk=False)
    banks["mel_scale_htk"] = hz_to_mel(banks["mel_scale_hz"], htk=True)
    write_tsv(os.path.join(HERE, "golden", "filterbanks.tsv"), banks)


if __name__ == "__main__":
    main()
