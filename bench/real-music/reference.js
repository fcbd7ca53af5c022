#!/usr/bin/env node
// The independent reference of issue 17: Essentia (essentia.js, WebAssembly) on every track of the manifest
// that fetch.sh wrote. Usage:
//   [SHARD=i/n] NODE_PATH=DIR/essentia/node_modules node bench/real-music/reference.js [DIR [SECONDS]]
// DIR defaults to ~/.cache/sonority-real-music; SECONDS (default 30, 0 = whole track) is the length of the
// window centred in each track that is analysed, as MIREX's tempo excerpts are 30 s: the whole tracks cost
// Essentia about 0.15 CPU-s per audio second, too much for a shared 2-core machine. The bench decodes the same
// centred window (DecodeOptions.window) for Sonority, so both analyse the same audio.
// with essentia.js installed outside the repository: npm install --prefix DIR/essentia essentia.js@0.1.3
// Decoding: ffmpeg to 32-bit float, mono, 44 100 Hz (the rate Essentia's algorithms assume by default).
// Writes DIR/reference.tsv, one row per track; rows already there are kept (a rerun resumes).
// Columns: path, rhythm_bpm, rhythm_confidence (RhythmExtractor2013, multifeature, 40-208 BPM), percival_bpm
// (PercivalBpmEstimator, defaults), key/scale/strength with the bgate and the edma profile (KeyExtractor, other
// parameters at their defaults), essentia_seconds (CPU time of those four algorithms, decode excluded),
// audio_seconds.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { Essentia, EssentiaWASM } = require('essentia.js');

const dir = path.resolve(process.argv[2] || path.join(os.homedir(), '.cache', 'sonority-real-music'));
const clip = Number(process.argv[3] || 30);
// SHARD=i/n: label only the tracks whose path hashes to i mod n, so n processes can share the work (and the
// table: each appends whole lines).
const [shard, shards] = (process.env.SHARD || '0/1').split('/').map(Number);
function inShard(rel) {
  let h = 0;
  for (const c of rel) h = (h * 31 + c.codePointAt(0)) >>> 0;
  return h % shards === shard;
}

// The tracks of the manifest in round-robin order over the albums (manifest order within each), so a table cut
// short covers every album evenly. Read again before each track: fetch.sh may still be adding albums.
function order() {
  const byAlbum = new Map();
  fs.readFileSync(path.join(dir, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1)
    .map(line => line.split('\t'))
    .forEach(f => byAlbum.set(f[1], [...(byAlbum.get(f[1]) || []), { rel: f[0], seconds: Number(f[4]) }]));
  const tracks = [];
  const longest = Math.max(0, ...[...byAlbum.values()].map(t => t.length));
  for (let i = 0; i < longest; i++) {
    for (const album of byAlbum.values()) if (i < album.length) tracks.push(album[i]);
  }
  return tracks;
}
const out = path.join(dir, 'reference.tsv');
const header = ['path', 'rhythm_bpm', 'rhythm_confidence', 'percival_bpm', 'bgate_key', 'bgate_scale',
  'bgate_strength', 'edma_key', 'edma_scale', 'edma_strength', 'essentia_seconds', 'audio_seconds'];
const done = new Set();
if (fs.existsSync(out)) {
  fs.readFileSync(out, 'utf8').trim().split('\n').slice(1).forEach(l => done.add(l.split('\t')[0]));
} else {
  fs.writeFileSync(out, header.join('\t') + '\n');
}
const essentia = new Essentia(EssentiaWASM);
const SR = 44100;

function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

for (let next; (next = order().find(t => !done.has(t.rel) && inShard(t.rel))) !== undefined;) {
  const { rel, seconds: length } = next;
  done.add(rel);
  const window = clip > 0 && length > clip
    ? ['-ss', ((length - clip) / 2).toFixed(3), '-t', String(clip)] : [];
  const pcm = execFileSync('ffmpeg', ['-nostdin', '-v', 'error', ...window, '-i', path.join(dir, rel), '-map', '0:a:0',
    '-ac', '1', '-ar', String(SR), '-f', 'f32le', '-'], { maxBuffer: 1 << 30 });
  const samples = new Float32Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 4);
  const t0 = cpuSeconds();
  const signal = essentia.arrayToVector(samples);
  const rhythm = essentia.RhythmExtractor2013(signal, 208, 'multifeature', 40);
  const percival = essentia.PercivalBpmEstimator(signal);
  const bgate = essentia.KeyExtractor(signal, true, 4096, 4096, 12, 3500, 60, 25, 0.2, 'bgate', SR);
  const edma = essentia.KeyExtractor(signal, true, 4096, 4096, 12, 3500, 60, 25, 0.2, 'edma', SR);
  const seconds = cpuSeconds() - t0;
  for (const v of [signal, rhythm.ticks, rhythm.estimates, rhythm.bpmIntervals]) {
    if (v && typeof v.delete === 'function') v.delete();
  }
  const row = [rel, rhythm.bpm.toFixed(3), rhythm.confidence.toFixed(3), percival.bpm.toFixed(3),
    bgate.key, bgate.scale, bgate.strength.toFixed(4), edma.key, edma.scale, edma.strength.toFixed(4),
    seconds.toFixed(3), (samples.length / SR).toFixed(1)];
  fs.appendFileSync(out, row.join('\t') + '\n');
  process.stderr.write(`${row.join(' ')}\n`);
}
