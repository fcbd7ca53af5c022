"""Helpers shared by the export scripts: checking an exported graph's tensor names and printing the manifest
values (sha256, size) of the written files."""
import hashlib
import json
import os


def file_entry(models_dir, path):
    full = os.path.join(models_dir, path)
    digest = hashlib.sha256()
    with open(full, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return {"path": path, "sha256": digest.hexdigest(), "url": None, "size": os.path.getsize(full)}


def print_manifest_files(models_dir, paths):
    print("Put these into the model's \"files\" in models/manifest.json (or MODELS_DIR/manifest.json):")
    print(json.dumps([file_entry(models_dir, p) for p in paths], indent=2))


def check_names(path, inputs, outputs):
    """The exported graph has exactly the tensor names inference-service looks for."""
    import onnx
    model = onnx.load(path, load_external_data=False)
    have_in = [i.name for i in model.graph.input if i.name not in {t.name for t in model.graph.initializer}]
    have_out = [o.name for o in model.graph.output]
    if sorted(have_in) != sorted(inputs) or sorted(have_out) != sorted(outputs):
        raise SystemExit("%s has inputs %s and outputs %s; Sonority expects %s and %s"
                         % (path, have_in, have_out, inputs, outputs))


def save_tokenizer(name, target):
    """tokenizer.json of a Hugging Face tokenizer (the fast tokenizer's own file, read by DJL in Java)."""
    from transformers import AutoTokenizer
    tok = AutoTokenizer.from_pretrained(name)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    tok.backend_tokenizer.save(target)
