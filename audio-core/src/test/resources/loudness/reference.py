#!/usr/bin/python3
"""Independent reference values for dev.sonority.audio.loudness (BS.1770-4 / EBU R 128 / EBU Tech 3342).

Written from the standards' definitions with numpy and scipy only. Run with Debian's python
(numpy 1.24, scipy 1.10):

    /usr/bin/python3 reference.py        # writes golden.tsv next to this file

1. K-weighting: the magnitude response of the coefficients published in BS.1770-4 Tables 1 and 2 (48 kHz),
   by scipy.signal.freqz.
2. Loudness of two synthetic mono signals defined by formula (so Java regenerates them bit for bit up to
   float32 rounding of sin): filtered by scipy.signal.sosfilt starting in the steady state of the first sample
   (sosfilt_zi), 100 ms hops of round(fs / 10) samples, 400 ms blocks (4 hops), gates -70 LUFS and -10 LU;
   short-term 3 s windows (30 hops) moved by 100 ms, gates -70 LUFS and -20 LU, LRA = sorted[round((n-1) 0.95)]
   - sorted[round((n-1) 0.10)]. At rates other than 48 kHz the coefficients come from the analog prototype by the
   bilinear transform, the high-pass scaled to the 48 kHz passband gain; at 48 kHz they are checked against the
   tables.

Lines: kind <TAB> key <TAB> value (%.12g)
"""
import math
import os
import numpy as np
import scipy.signal

HERE = os.path.dirname(os.path.abspath(__file__))

# BS.1770-4 Table 1 (pre-filter) and Table 2 (RLB high-pass), 48 kHz.
PUB_B1 = [1.53512485958697, -2.69169618940638, 1.19839281085285]
PUB_A1 = [1.0, -1.69065929318241, 0.73248077421585]
PUB_B2 = [1.0, -2.0, 1.0]
PUB_A2 = [1.0, -1.99004745483398, 0.99007225036621]

FREQUENCIES = [10, 20, 30, 50, 100, 200, 500, 997, 1000, 1500, 2000, 3000, 5000, 10000, 15000, 20000]


def published_db(f):
    w = 2 * np.pi * np.asarray(f, dtype=float) / 48000
    h = scipy.signal.freqz(PUB_B1, PUB_A1, worN=w)[1] * scipy.signal.freqz(PUB_B2, PUB_A2, worN=w)[1]
    return 20 * np.log10(np.abs(h))


def k_sos(fs):
    # analog prototype of the published tables (libebur128's parameters)
    f0, gain_db, q, vb_exp = 1681.974450955533, 3.999843853973347, 0.7071752369554196, 0.4996667741545416
    k = math.tan(math.pi * f0 / fs)
    vh = 10 ** (gain_db / 20)
    vb = vh ** vb_exp
    d = 1 + k / q + k * k
    shelf = [(vh + vb * k / q + k * k) / d, 2 * (k * k - vh) / d, (vh - vb * k / q + k * k) / d,
             1.0, 2 * (k * k - 1) / d, (1 - k / q + k * k) / d]
    f0, q = 38.13547087602444, 0.5003270373238773

    def den(rate):
        kk = math.tan(math.pi * f0 / rate)
        return 1 + kk / q + kk * kk

    k = math.tan(math.pi * f0 / fs)
    g = den(48000) / den(fs)
    hp = [g, -2 * g, g, 1.0, 2 * (k * k - 1) / den(fs), (1 - k / q + k * k) / den(fs)]
    return np.array([shelf, hp])


def check_tables():
    sos = k_sos(48000)
    assert np.allclose(sos[0], PUB_B1 + PUB_A1, atol=1e-13), sos[0]
    assert np.allclose(sos[1], PUB_B2 + PUB_A2, atol=1e-13), sos[1]


# ---------------------------------------------------------------- signals (mirrored in LoudnessGoldenTest)
def tones(fs):
    """Four sines of amplitude 0.2 (60, 440, 2500, 7000 Hz), level stepping every second by STEPS_DB, 20 s."""
    steps = [0, -6, -12, -3, -20, -40, -9, -80, -1, -15]
    n = 20 * fs
    i = np.arange(n)
    x = np.zeros(n)
    for f in (60.0, 440.0, 2500.0, 7000.0):
        x += 0.2 * np.sin(2 * np.pi * f / fs * i)
    gain = np.array([10 ** (steps[(j // fs) % len(steps)] / 20) for j in range(n)])
    return (x * gain).astype(np.float32)


def noise(fs):
    """LCG noise (Numerical Recipes' 1664525, 1013904223 mod 2^32), amplitude 0.5, level 10 sin(2 pi t / 7) dB, 20 s."""
    n = 20 * fs
    state = 12345
    u = np.empty(n)
    for j in range(n):
        state = (1664525 * state + 1013904223) & 0xFFFFFFFF
        u[j] = state / 4294967296.0 * 2 - 1
    t = np.arange(n) / fs
    return (0.5 * u * 10 ** (10 * np.sin(2 * np.pi * t / 7) / 20)).astype(np.float32)


# ---------------------------------------------------------------- BS.1770-4 / Tech 3342
def loudness(x, fs):
    sos = k_sos(fs)
    x = x.astype(np.float64)
    y, _ = scipy.signal.sosfilt(sos, x, zi=scipy.signal.sosfilt_zi(sos) * x[0])
    hop = int(math.floor(fs / 10 + 0.5))
    hops = len(y) // hop
    e = np.array([np.sum(y[h * hop:(h + 1) * hop] ** 2) for h in range(hops)])

    def windows(width):
        return np.array([e[j:j + width].sum() / (width * hop) for j in range(hops - width + 1)])

    absolute = 10 ** ((-70 + 0.691) / 10)
    z = windows(4)
    z = z[z > absolute]
    z = z[z > z.mean() * 10 ** (-10 / 10)]
    integrated = -0.691 + 10 * np.log10(z.mean())
    s = windows(30)
    s = s[s > absolute]
    s = np.sort(s[s > s.mean() * 10 ** (-20 / 10)])
    n = len(s)
    lra = 10 * np.log10(s[int(math.floor((n - 1) * 0.95 + 0.5))] / s[int(math.floor((n - 1) * 0.10 + 0.5))])
    return integrated, lra


def main():
    check_tables()
    lines = []
    for f, db in zip(FREQUENCIES, published_db(FREQUENCIES)):
        lines.append("response48k\t%g\t%.12g" % (f, db))
    for name, gen in (("tones", tones), ("noise", noise)):
        for fs in (22050, 44100, 48000):
            i, r = loudness(gen(fs), fs)
            lines.append("integrated\t%s@%d\t%.12g" % (name, fs, i))
            lines.append("range\t%s@%d\t%.12g" % (name, fs, r))
    with open(os.path.join(HERE, "golden.tsv"), "w") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
