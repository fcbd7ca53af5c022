# The baseline of the map bench's graph step: pynndescent's k-NN graph (what umap-learn builds its graph with) of
# the same float64 matrix, timed after a warm-up on a small matrix (numba compiles on the first call).
# Prints "seconds recall" where recall is measured against brute force on the query rows given.
import sys, time
import numpy as np
from pynndescent import NNDescent

path, n, d, k, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
queries = [int(q) for q in sys.argv[6].split(",")]
data = np.fromfile(path, dtype="<f8").reshape(n, d)
NNDescent(data[:2000], n_neighbors=k, random_state=seed).neighbor_graph  # warm-up: numba JIT
start = time.perf_counter()
index = NNDescent(data, n_neighbors=k + 1, random_state=seed)  # k + 1: pynndescent lists each point itself
neighbours, _ = index.neighbor_graph
seconds = time.perf_counter() - start
hits = 0
for q in queries:
    dist = ((data - data[q]) ** 2).sum(axis=1)
    dist[q] = np.inf
    exact = set(np.argpartition(dist, k)[:k].tolist())
    found = [j for j in neighbours[q].tolist() if j != q][:k]
    hits += len(exact.intersection(found))
print(seconds, hits / (k * len(queries)))
