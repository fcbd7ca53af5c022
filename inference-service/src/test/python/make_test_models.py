#!/usr/bin/python3
"""Small ONNX graphs for the registry tests (python3-onnx, opset 15).

  wrong_shape_musicnn.onnx: MusiCNN's tensor names but input [N, 100, 96] instead of [N, 187, 96]
  tiny_audio.onnx:          input "audio" [N, 4] -> output "embedding" [N, 4] = 2 * audio + 1

Usage: make_test_models.py OUT_DIR
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def save(graph, path):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def wrong_shape(path):
    x = helper.make_tensor_value_info("model/Placeholder:0", TensorProto.FLOAT, ["N", 100, 96])
    y = helper.make_tensor_value_info("model/dense/BiasAdd:0", TensorProto.FLOAT, ["N", 200])
    w = numpy_helper.from_array(np.zeros((96, 200), dtype=np.float32), "w")
    nodes = [helper.make_node("ReduceMean", ["model/Placeholder:0"], ["m"], axes=[1], keepdims=0),
             helper.make_node("MatMul", ["m", "w"], ["model/dense/BiasAdd:0"])]
    save(helper.make_graph(nodes, "wrong_shape", [x], [y], [w]), path)


def tiny(path):
    x = helper.make_tensor_value_info("audio", TensorProto.FLOAT, ["N", 4])
    y = helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["N", 4])
    two = numpy_helper.from_array(np.array([2.0], dtype=np.float32), "two")
    one = numpy_helper.from_array(np.array([1.0], dtype=np.float32), "one")
    nodes = [helper.make_node("Mul", ["audio", "two"], ["d"]), helper.make_node("Add", ["d", "one"], ["embedding"])]
    save(helper.make_graph(nodes, "tiny", [x], [y], [two, one]), path)


if __name__ == "__main__":
    out = sys.argv[1]
    wrong_shape(f"{out}/wrong_shape_musicnn.onnx")
    tiny(f"{out}/tiny_audio.onnx")
