"""The same analysis on two OpenBLAS CPU kernels gives the same vectors, choices and assignments.

numpy and scipy ship OpenBLAS built for many CPUs and choose a kernel at run time; the
kernels add in different orders, so sums differ in their last bits (issue 13).  This test
runs one small pipeline (TF-IDF, LSA, the k table with bootstrap stability, k-means, NMF
topics) twice in fresh processes: on this machine's own kernel with its threads, and on the
most different kernel (``Prescott`` on x86-64, ``ARMV8`` on aarch64) with one thread.  The
LSA vectors must agree to 1e-9 and every label and printed number must be identical.  Notebooks
are checked the same way by ``make test-portable``; this test names the step that moved.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys

import numpy as np
import pytest

OTHER_KERNEL = {"x86_64": "Prescott", "AMD64": "Prescott", "aarch64": "ARMV8", "arm64": "ARMV8"}.get(platform.machine())

SCRIPT = r"""
import json, sys, warnings
import numpy as np
warnings.simplefilter("ignore")
from presslens import cluster, topics
from presslens.corpus import load_teaching
from presslens.features import document_vectors

corpus = load_teaching().sort_values("doc_id").head(400).reset_index(drop=True)
vectors, features = document_vectors(corpus, n_components=30, random_state=0, drop_names=True)
table = cluster.choose_k(vectors, range(3, 8), n_boot=5, random_state=0)
labels = cluster.cluster_articles(vectors, 5, random_state=0)
model = topics.fit_topics(corpus, 5, random_state=0)
np.save(sys.argv[1], vectors)
print(json.dumps({
    "k_table": table.to_dict(orient="list"),
    "labels": labels.tolist(),
    "topic_words": model.words(8),
    "dominant_topic": np.asarray(model.dominant()).tolist(),
}))
"""


def _run(tmp_path, name: str, extra_env: dict[str, str]) -> tuple[dict, np.ndarray]:
    env = {**os.environ, **extra_env, "PYTHONHASHSEED": "0"}
    out = tmp_path / f"{name}.npy"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(out)], env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), np.load(out)


@pytest.mark.skipif(OTHER_KERNEL is None, reason=f"no second OpenBLAS kernel known for {platform.machine()}")
def test_same_results_on_another_blas_kernel_and_one_thread(tmp_path):
    native, native_vectors = _run(tmp_path, "native", {})
    other, other_vectors = _run(tmp_path, "other", {"OPENBLAS_CORETYPE": OTHER_KERNEL, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"})
    assert native_vectors.dtype == np.float64
    assert np.abs(native_vectors - other_vectors).max() < 1e-9, "the LSA vectors depend on the BLAS kernel"
    for key in native:
        assert native[key] == other[key], f"{key} differs between the native kernel and {OTHER_KERNEL}"
