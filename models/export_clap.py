#!/usr/bin/env python3
"""Exports LAION CLAP (music checkpoint, HTSAT-base + RoBERTa) to the two ONNX graphs inference-service runs.

    pip install torch laion_clap transformers onnx
    python models/export_clap.py --checkpoint music_audioset_epoch_15_esc_90.14.pt --models-dir models

Checkpoint: https://huggingface.co/lukewys/laion_clap/resolve/main/music_audioset_epoch_15_esc_90.14.pt
(CC0-1.0). Writes MODELS_DIR/clap/clap-audio.onnx, clap-text.onnx and tokenizer.json (roberta-base), then
prints the sha256/size values for models/manifest.json.

Graphs (what the Java side checks at load):
  clap-audio.onnx  mel float32 [B, 1, 1001, 64] -> embedding float32 [B, 512]
      mel = the log-mel HTSAT computes itself (torchlibrosa: n_fft 1024, hop 480, hann, centre with reflect
      padding, power 2, Slaney mel 64 bands 50-14000 Hz, 10*log10(max(1e-10, x))) of one 10 s window at 48 kHz;
      Java computes it (clap/ClapMel), so the graph starts after the spectrogram extractor: bn0, the HTSAT
      transformer, the audio projection. The projection output is returned unnormalised; Java L2-normalises.
  clap-text.onnx   input_ids int64 [B, L], attention_mask int64 [B, L] -> embedding float32 [B, 512]
      RoBERTa ids, <s> ... </s>, padded to 77 with id 1 (as laion_clap's tokenizer call does).
"""
import argparse
import os

import torch

from export_common import check_names, print_manifest_files, save_tokenizer


class AudioTower(torch.nn.Module):
    """HTSAT from the log-mel on: laion_clap's HTSAT_Swin_Transformer.forward minus its spectrogram extractor."""

    def __init__(self, clap):
        super().__init__()
        self.htsat = clap.model.audio_branch
        self.projection = clap.model.audio_projection

    def forward(self, mel):                       # [B, 1, T, 64]
        h = self.htsat
        x = mel.transpose(1, 3)                   # [B, 64, T, 1]
        x = h.bn0(x)
        x = x.transpose(1, 3)                     # [B, 1, T, 64]
        x = h.reshape_wav2img(x)
        out = h.forward_features(x)
        return self.projection(out["embedding"])


class TextTower(torch.nn.Module):
    def __init__(self, clap):
        super().__init__()
        self.clap = clap.model

    def forward(self, input_ids, attention_mask):
        m = self.clap
        out = m.text_branch(input_ids=input_ids, attention_mask=attention_mask)["pooler_output"]
        return m.text_projection(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", required=True, help="music_audioset_epoch_15_esc_90.14.pt")
    parser.add_argument("--models-dir", default="models")
    parser.add_argument("--opset", type=int, default=17)
    args = parser.parse_args()

    import laion_clap
    clap = laion_clap.CLAP_Module(enable_fusion=False, amodel="HTSAT-base")
    clap.load_ckpt(args.checkpoint)
    clap.eval()

    out = os.path.join(args.models_dir, "clap")
    os.makedirs(out, exist_ok=True)
    audio_path = os.path.join(out, "clap-audio.onnx")
    text_path = os.path.join(out, "clap-text.onnx")
    with torch.no_grad():
        torch.onnx.export(AudioTower(clap), (torch.randn(2, 1, 1001, 64),), audio_path,
                          input_names=["mel"], output_names=["embedding"],
                          dynamic_axes={"mel": {0: "B"}, "embedding": {0: "B"}}, opset_version=args.opset)
        ids = torch.ones(2, 77, dtype=torch.long)
        torch.onnx.export(TextTower(clap), (ids, torch.ones_like(ids)), text_path,
                          input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                          dynamic_axes={"input_ids": {0: "B", 1: "L"}, "attention_mask": {0: "B", 1: "L"},
                                        "embedding": {0: "B"}}, opset_version=args.opset)
    check_names(audio_path, ["mel"], ["embedding"])
    check_names(text_path, ["input_ids", "attention_mask"], ["embedding"])
    save_tokenizer("roberta-base", os.path.join(out, "tokenizer.json"))
    print_manifest_files(args.models_dir, ["clap/clap-audio.onnx", "clap/clap-text.onnx", "clap/tokenizer.json"])


if __name__ == "__main__":
    main()
