#!/usr/bin/env python3
"""Exports MuQ-MuLan-large's audio and text towers to the ONNX graphs inference-service runs for `muq_mulan`.

    pip install torch muq transformers onnx
    python models/export_muq_mulan.py --models-dir models

Model: https://huggingface.co/OpenMuQ/MuQ-MuLan-large (CC BY-NC 4.0: non-commercial; code MIT). Writes
MODELS_DIR/muq_mulan/muq-mulan-audio.onnx, muq-mulan-text.onnx and tokenizer.json (xlm-roberta-base, the
text encoder's tokenizer), then prints the sha256/size values for models/manifest.json.

Graphs:
  muq-mulan-audio.onnx  waveform float32 [B, T] (24 kHz, one window of up to 10 s) -> embedding [B, 512]
      (MuLan's audio tower and projection on one clip; Java averages the windows and L2-normalises, as
      MuQMuLan.extract_audio_latents averages its 10 s clips)
  muq-mulan-text.onnx   input_ids, attention_mask int64 [B, L] -> embedding [B, 512]
      (XLM-RoBERTa ids <s> ... </s>, at most 128, pad id 1; the text tower and projection)
"""
import argparse
import os

import torch

from export_common import check_names, print_manifest_files, save_tokenizer


class AudioTower(torch.nn.Module):
    def __init__(self, mulan):
        super().__init__()
        self.mulan = mulan

    def forward(self, waveform):
        return self.mulan.mulan_module.audio(waveform)


class TextTower(torch.nn.Module):
    def __init__(self, mulan):
        super().__init__()
        self.mulan = mulan

    def forward(self, input_ids, attention_mask):
        text = self.mulan.mulan_module.text
        hidden = text.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return text.proj(hidden[:, 0])   # the <s> token's state, projected (MuLan's text pooling)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="OpenMuQ/MuQ-MuLan-large")
    parser.add_argument("--models-dir", default="models")
    parser.add_argument("--opset", type=int, default=17)
    args = parser.parse_args()

    from muq import MuQMuLan
    mulan = MuQMuLan.from_pretrained(args.model).eval()
    out = os.path.join(args.models_dir, "muq_mulan")
    os.makedirs(out, exist_ok=True)
    audio_path = os.path.join(out, "muq-mulan-audio.onnx")
    text_path = os.path.join(out, "muq-mulan-text.onnx")
    with torch.no_grad():
        torch.onnx.export(AudioTower(mulan), (torch.randn(1, 240000),), audio_path, input_names=["waveform"],
                          output_names=["embedding"], dynamic_axes={"waveform": {0: "B", 1: "T"},
                                                                    "embedding": {0: "B"}},
                          opset_version=args.opset)
        ids = torch.ones(2, 16, dtype=torch.long)
        torch.onnx.export(TextTower(mulan), (ids, torch.ones_like(ids)), text_path,
                          input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                          dynamic_axes={"input_ids": {0: "B", 1: "L"}, "attention_mask": {0: "B", 1: "L"},
                                        "embedding": {0: "B"}}, opset_version=args.opset)
    check_names(audio_path, ["waveform"], ["embedding"])
    check_names(text_path, ["input_ids", "attention_mask"], ["embedding"])
    save_tokenizer("xlm-roberta-base", os.path.join(out, "tokenizer.json"))
    print_manifest_files(args.models_dir, ["muq_mulan/muq-mulan-audio.onnx", "muq_mulan/muq-mulan-text.onnx",
                                           "muq_mulan/tokenizer.json"])


if __name__ == "__main__":
    main()
