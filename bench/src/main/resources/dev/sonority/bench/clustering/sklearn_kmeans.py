# scikit-learn's side of the clustering bench: reads the bench's float64 matrix, fits KMeans with the same
# k, n_init (1), k-means++ seeding and max_iter as Smile, and prints "seconds inertia" of each repeat.
import sys, time
import numpy as np
from sklearn.cluster import KMeans

path, n, d, k, max_iter, repeats = sys.argv[1], *map(int, sys.argv[2:7])
data = np.fromfile(path, dtype='<f8').reshape(n, d)
KMeans(n_clusters=k, n_init=1, max_iter=max_iter, random_state=0).fit(data)  # warm-up: imports, threads
for r in range(repeats):
    start = time.perf_counter()
    model = KMeans(n_clusters=k, n_init=1, max_iter=max_iter, random_state=r + 1).fit(data)
    print(f"{time.perf_counter() - start:.6f} {model.inertia_:.10g}", flush=True)
