"""Which way of classifying a query into needs answers best? Run: python benchmarks/need_methods.py

Compares, on both halves of the corpus (see search_quality.py), the need
classifier search uses (BM25 over each need's label, description, keywords and
example situations) with a semantic one: a small static embedding model that
ships its weights in its PyPI wheel (wordllama, 256 dimensions, about 16 MB),
run fully offline from explicit local paths (its default loader would try to
download a tokenizer file the wheel already contains). A need scores as the
cosine similarity of the query to its best document plus a little of its
second best, like BM25's.

Methods (each keeps BM25's strength, so "is this a real worry" is decided the
same way, and replaces how the needs compare with each other):
- bm25: as shipped;
- embedding: the shares of the needs from the embedding model alone;
- hybrid: the mean of the two shares.
Also prints the time to load the model and to embed one query.
Needs: pip install wordllama (not a dependency of helpfinder).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

import helpfinder.ranking as search_module
from helpfinder.loader import bundled_path, load
from helpfinder.needs import SECOND_BEST, Classification, documents
from helpfinder.needs import classify as bm25_classify

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_quality import HALVES, evaluate  # noqa: E402


def load_model():  # type: ignore[no-untyped-def]
    """wordllama's 256-dimension model from the files inside its wheel, no network."""
    import wordllama
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = Path(wordllama.__file__).parent
    weights = load_file(str(root / "weights" / "l2_supercat_256.safetensors"))["embedding.weight"]
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    return WordLlamaInference(weights, tokenizer)


def main() -> int:
    started = time.perf_counter()
    model = load_model()
    loaded = time.perf_counter() - started
    directory = load(bundled_path(), use_cache=False)
    docs = [(need, text) for need, texts in documents(directory) for text in texts]
    matrix = model.embed([text for _, text in docs], norm=True)
    cache: dict[str, dict[str, float]] = {}

    def embedding_shares(query: str) -> dict[str, float]:
        if query not in cache:
            vector = model.embed([query], norm=True)[0]
            sims = matrix @ vector
            per_need: dict[str, list[float]] = {}
            for (need, _), sim in zip(docs, sims):
                per_need.setdefault(need, []).append(float(sim))
            scores = {}
            for need, values in per_need.items():
                best = sorted(values, reverse=True)
                scores[need] = max(0.0, best[0]) + SECOND_BEST * max(0.0, best[1] if len(best) > 1 else 0.0)
            top = max(scores.values())
            cache[query] = {need: s / top for need, s in scores.items()} if top > 0 else scores
        return cache[query]

    t0 = time.perf_counter()
    model.embed(["someone keeps messaging my son on a game"], norm=True)
    per_query = time.perf_counter() - t0
    print(f"wordllama: load {loaded * 1000:.0f} ms, one query {per_query * 1000:.1f} ms")

    current: dict[str, str] = {}
    original_search = search_module.search

    def tracking_search(directory, query, **kw):  # type: ignore[no-untyped-def]
        current["query"] = query
        return original_search(directory, query, **kw)

    def patched(method: str):  # type: ignore[no-untyped-def]
        def classify(directory, concepts, **kw):  # type: ignore[no-untyped-def]
            base = bm25_classify(directory, concepts, **kw)
            if method == "bm25" or base.strength == 0 or kw.get("informative"):  # the worry test stays BM25
                return base
            emb = embedding_shares(current["query"])
            shares = {n: (emb.get(n, 0.0) if method == "embedding" else (emb.get(n, 0.0) + base.share(n)) / 2) for n in base.scores}
            return Classification({n: base.strength * s for n, s in shares.items()})

        return classify

    import search_quality

    search_quality.search = tracking_search  # type: ignore[attr-defined]
    print(f"{'method':<10} {'half':<9} {'hit@1':>7} {'hit@3':>7} {'crisis':>7} {'false banners':>14} {'false matches':>14}")
    for method in ("bm25", "embedding", "hybrid"):
        search_module.classify = patched(method)  # type: ignore[assignment]
        for name, path in HALVES.items():
            if name == "unseen":
                continue  # never used to choose a method
            r = evaluate(path, directory)
            print(
                f"{method:<10} {name:<9} {r.hit1_rate:>7.1%} {r.hit3_rate:>7.1%} {r.crisis_found:>3}/{r.crisis:<3} "
                f"{len(r.false_banners):>6}/{r.banner_checked:<7} {len(r.false_matches):>6}/{r.negatives:<7}"
            )
    search_module.classify = bm25_classify  # type: ignore[assignment]
    return 0


if __name__ == "__main__":
    sys.exit(main())
