"""A numpy port of all-MiniLM-L6-v2, the reference for Stitch's text encoder tests.

Usage: reference_encoder.py INPUT.json OUTPUT.json
INPUT holds {"model": folder, "maxLength": n, "texts": [...]}; OUTPUT gets, for each text, the
token ids from Hugging Face's tokenizers (reading the model's tokenizer.json) and the sentence
embedding computed in float64 from model.safetensors read with numpy.
"""
import json
import os
import struct
import sys

# One BLAS thread: the tests run beside other work on two cores, where a spinning pool only waits.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
from scipy.special import erf
from tokenizers import Tokenizer


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_length])
    base = 8 + header_length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__" or entry["dtype"] != "F32":
            continue
        start, end = entry["data_offsets"]
        array = np.frombuffer(data[base + start : base + end], dtype="<f4")
        tensors[name] = array.reshape(entry["shape"]).astype(np.float64)
    return tensors


def layer_norm(x, weight, bias, eps=1e-12):
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


def linear(x, w, name):
    return x @ w[name + ".weight"].T + w[name + ".bias"]


def encode(ids, w, layers=6, heads=12):
    n = len(ids)
    x = w["embeddings.word_embeddings.weight"][ids]
    x = x + w["embeddings.position_embeddings.weight"][:n] + w["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    hidden = x.shape[1]
    d = hidden // heads
    for i in range(layers):
        p = f"encoder.layer.{i}."
        q = linear(x, w, p + "attention.self.query").reshape(n, heads, d).transpose(1, 0, 2)
        k = linear(x, w, p + "attention.self.key").reshape(n, heads, d).transpose(1, 0, 2)
        v = linear(x, w, p + "attention.self.value").reshape(n, heads, d).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(d)
        scores = scores - scores.max(axis=-1, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=-1, keepdims=True)
        context = (probabilities @ v).transpose(1, 0, 2).reshape(n, hidden)
        attended = linear(context, w, p + "attention.output.dense")
        x = layer_norm(attended + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        inner = linear(x, w, p + "intermediate.dense")
        inner = 0.5 * inner * (1.0 + erf(inner / np.sqrt(2.0)))
        out = linear(inner, w, p + "output.dense")
        x = layer_norm(out + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    pooled = x.mean(axis=0)
    return pooled / np.linalg.norm(pooled)


def main():
    with open(sys.argv[1]) as f:
        request = json.load(f)
    folder = request["model"]
    tokenizer = Tokenizer.from_file(folder + "/tokenizer.json")
    tokenizer.no_padding()
    tokenizer.enable_truncation(request["maxLength"])
    weights = read_safetensors(folder + "/model.safetensors")
    results = []
    for text in request["texts"]:
        ids = tokenizer.encode(text).ids
        results.append({"ids": ids, "embedding": encode(ids, weights).tolist()})
    with open(sys.argv[2], "w") as f:
        json.dump({"results": results}, f)


if __name__ == "__main__":
    main()
