#!/usr/bin/env python3
"""Exports MuQ-large-msd-iter to the ONNX graph inference-service runs for `muq`.

    pip install torch muq onnx
    python models/export_muq.py --models-dir models

Model: https://huggingface.co/OpenMuQ/MuQ-large-msd-iter (CC BY-NC 4.0: non-commercial; code MIT,
https://github.com/tencent-ailab/MuQ). Writes MODELS_DIR/muq/muq-large-msd-iter.onnx and prints the
sha256/size values for models/manifest.json.

Graph: waveform float32 [B, T] (24 kHz mono, one window of up to 10 s, raw: MuQ normalises inside) ->
last_hidden_state float32 [B, F, 1024]; Java takes its mean over time per window.
"""
import argparse
import os

import torch

from export_common import check_names, print_manifest_files


class Muq(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, waveform):
        return self.model(waveform, output_hidden_states=False).last_hidden_state


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="OpenMuQ/MuQ-large-msd-iter")
    parser.add_argument("--models-dir", default="models")
    parser.add_argument("--opset", type=int, default=17)
    args = parser.parse_args()

    from muq import MuQ
    model = MuQ.from_pretrained(args.model).eval()
    path = os.path.join(args.models_dir, "muq", "muq-large-msd-iter.onnx")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(Muq(model), (torch.randn(1, 240000),), path, input_names=["waveform"],
                          output_names=["last_hidden_state"],
                          dynamic_axes={"waveform": {0: "B", 1: "T"}, "last_hidden_state": {0: "B", 1: "F"}},
                          opset_version=args.opset)
    check_names(path, ["waveform"], ["last_hidden_state"])
    print_manifest_files(args.models_dir, ["muq/muq-large-msd-iter.onnx"])


if __name__ == "__main__":
    main()
