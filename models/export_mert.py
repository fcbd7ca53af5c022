#!/usr/bin/env python3
"""Exports MERT-v1-330M (or -95M) to the ONNX graph inference-service runs for `mert`.

    pip install torch transformers nnAudio onnx
    python models/export_mert.py --models-dir models [--model m-a-p/MERT-v1-330M]

Model: https://huggingface.co/m-a-p/MERT-v1-330M (CC BY-NC 4.0: non-commercial). Writes
MODELS_DIR/mert/mert-v1-330m.onnx (keep that name for the 95M variant too, and set output_dims.embedding to
768 in the manifest), then prints the sha256/size values for models/manifest.json.

Graph: waveform float32 [B, T] (24 kHz mono, one window of up to 10 s, already normalised to zero mean and
unit variance per window by Java as Wav2Vec2FeatureExtractor(do_normalize=True) does) -> hidden_states float32
[B, 4, F, 1024] = torch.stack(output.hidden_states[12:16], 1): transformer layers 12-15 (index 0 is the
feature projection), whose mean over layers and time Java takes per window, as Lainbow pools MERT.
"""
import argparse
import os

import torch

from export_common import check_names, print_manifest_files

LAYERS = slice(12, 16)


class Mert(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, waveform):
        out = self.model(input_values=waveform, output_hidden_states=True)
        return torch.stack(out.hidden_states[LAYERS], dim=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="m-a-p/MERT-v1-330M")
    parser.add_argument("--models-dir", default="models")
    parser.add_argument("--opset", type=int, default=17)
    args = parser.parse_args()

    from transformers import AutoModel
    model = AutoModel.from_pretrained(args.model, trust_remote_code=True).eval()
    path = os.path.join(args.models_dir, "mert", "mert-v1-330m.onnx")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(Mert(model), (torch.randn(1, 240000),), path, input_names=["waveform"],
                          output_names=["hidden_states"],
                          dynamic_axes={"waveform": {0: "B", 1: "T"}, "hidden_states": {0: "B", 2: "F"}},
                          opset_version=args.opset)
    check_names(path, ["waveform"], ["hidden_states"])
    print_manifest_files(args.models_dir, ["mert/mert-v1-330m.onnx"])


if __name__ == "__main__":
    main()
