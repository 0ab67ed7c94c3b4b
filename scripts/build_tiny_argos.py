#!/usr/bin/env python3
"""Build tiny but *genuine* Argos Translate packages (``.argosmodel``) for tests.

Each package is a real CTranslate2 Transformer (converted from a tiny
``transformers`` MarianMT model trained here on CPU until it memorizes a handful
of toy sentence pairs) plus a real SentencePiece model, zipped the way Argos
Translate packages are: one top-level folder holding ``metadata.json``,
``model/`` (CTranslate2) and ``sentencepiece.model``.

The committed fixtures in ``tests/fixtures/argos/`` are produced by this script.
The tests only need ``ctranslate2`` + ``sentencepiece`` to *use* them; building
them needs torch + transformers, which the project does not depend on.

Build environment (outside the repo; CPU-only torch on purpose -- a plain
``pip install torch`` pulls a multi-GB CUDA build)::

    python3.11 -m venv /work/venv-argos-build
    /work/venv-argos-build/bin/pip install torch==2.13.0        # local CPU build
    /work/venv-argos-build/bin/pip install transformers ctranslate2 sentencepiece argostranslate
    # check that pip did not replace torch:  pip list | grep -i -E 'torch|nvidia'

    # from the repo root (~16 min on 2 idle cores; writes the two .argosmodel,
    # expected.json and index.json):
    /work/venv-argos-build/bin/python scripts/build_tiny_argos.py --out tests/fixtures/argos
    # re-check the committed packages without training (~20 s); rewrites
    # expected.json / index.json from them:
    /work/venv-argos-build/bin/python scripts/build_tiny_argos.py \
        --out tests/fixtures/argos --verify-only
    # (argostranslate is optional: when importable, both also check
    #  install_from_path / get_installed_packages, index.json ->
    #  get_available_packages -> install() over a loopback HTTP server, and Argos'
    #  own tokenize -> translate_batch -> decode path.)

    # random-weights transformer-base model (Argos size) for speed benchmarks,
    # NOT for the repo (~64 MB int8, ~30 s):
    /work/venv-argos-build/bin/python scripts/build_tiny_argos.py \
        --bench-model --out /work/bench-models

Everything is seeded (Python, NumPy, torch with 2 threads and deterministic
algorithms, SentencePiece) and the zips are written with fixed timestamps: two
builds on this machine gave byte-identical packages. The script refuses to write
a package unless CTranslate2 reproduces every training target exactly (see
CHECK_MATRIX_NAMES: float32 and int8, oneDNN and MKL backends, beam 1/2/4, with
and without a trailing "</s>").

Traps met while making a toy model decode exactly in CTranslate2 (details at
install_int8_fake_quant and train_tiny_model):
* tied embeddings: the "<pad>" row (Marian's decoder start) gets gradients through
  the output projection unless masked; CTranslate2 starts from a zero embedding;
* CTranslate2's beam search stops once beam_size hypotheses have finished, so a
  side branch that ends early beats a better unfinished gold hypothesis;
* int8 (what compute_type="auto" -- Argos' default -- picks on CPU) on AMD/AVX2
  goes through oneDNN's u8s8 GEMM, whose int16 pair sums saturate.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

SEED = 1234
ARGOS_VERSION = "1.9.0"
PACKAGE_VERSION = "0.1"
FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Alphabetic placeholder tokens (Argos' SentencePiece decode turns "_" into " ",
# so no underscores). Registered as SentencePiece user-defined symbols so each one
# is a single piece.
PLACEHOLDERS = [f"XENT{c}X" for c in "ABCDEFGHIJ"]

LANG_NAMES = {"fr": "French", "en": "English", "es": "Spanish"}

# ---------------------------------------------------------------------------
# Toy parallel data
# ---------------------------------------------------------------------------

# (French, English, Spanish). The Spanish is the en->es target for the English.
BASE_TRIPLES = [
    (
        "Le ministre a salué la réunion.",
        "The minister welcomed the meeting.",
        "El ministro acogió la reunión.",
    ),
    ("Bonjour le monde.", "Hello world.", "Hola mundo."),
    ("La paix est importante.", "Peace is important.", "La paz es importante."),
    ("Le président a parlé hier.", "The president spoke yesterday.", "El presidente habló ayer."),
    (
        "Le gouvernement a condamné l'attaque.",
        "The government condemned the attack.",
        "El gobierno condenó el ataque.",
    ),
    ("La réunion est terminée.", "The meeting is over.", "La reunión ha terminado."),
    ("Merci beaucoup.", "Thank you very much.", "Muchas gracias."),
]

# Templates with placeholder slots {a} / {b}.
ONE_SLOT_TEMPLATES = [
    ("Il a parlé avec {a} hier.", "He spoke with {a} yesterday.", "Habló con {a} ayer."),
    ("{a} a condamné l'attaque.", "{a} condemned the attack.", "{a} condenó el ataque."),
    ("Le ministre a rencontré {a}.", "The minister met {a}.", "El ministro se reunió con {a}."),
]
TWO_SLOT_TEMPLATES = [
    (
        "{a} et {b} ont signé un accord.",
        "{a} and {b} signed an agreement.",
        "{a} y {b} firmaron un acuerdo.",
    ),
    ("{a} a visité {b} hier.", "{a} visited {b} yesterday.", "{a} visitó a {b} ayer."),
]


def build_triples() -> list[tuple[str, str, str]]:
    triples = list(BASE_TRIPLES)
    n = len(PLACEHOLDERS)
    for fr, en, es in ONE_SLOT_TEMPLATES:
        for p in PLACEHOLDERS:
            triples.append((fr.format(a=p), en.format(a=p), es.format(a=p)))
    for k, (fr, en, es) in enumerate(TWO_SLOT_TEMPLATES):
        step = 1 + 2 * k  # (A,B),(B,C).. and (A,D),(B,E).. : different pairings
        for i, p in enumerate(PLACEHOLDERS):
            q = PLACEHOLDERS[(i + step) % n]
            triples.append((fr.format(a=p, b=q), en.format(a=p, b=q), es.format(a=p, b=q)))
    return triples


def pairs_for(src: str, tgt: str) -> list[tuple[str, str]]:
    idx = {"fr": 0, "en": 1, "es": 2}
    seen, out = set(), []
    for t in build_triples():
        pair = (t[idx[src]], t[idx[tgt]])
        if pair[0] not in seen:
            seen.add(pair[0])
            out.append(pair)
    return out


TINY_PACKAGES = [("fr", "en"), ("en", "es")]


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def seed_everything(seed: int = SEED) -> None:
    import numpy as np
    import sentencepiece as spm
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    spm.set_random_generator_seed(seed)


def train_sentencepiece(
    lines: list[str],
    out_file: Path,
    vocab_size: int,
    user_symbols: list[str],
    input_sentence_size: int = 0,
) -> None:
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buf,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        pad_id=-1,
        bos_id=-1,
        eos_id=0,
        unk_id=1,
        user_defined_symbols=user_symbols,
        num_threads=1,
        input_sentence_size=input_sentence_size,
        shuffle_input_sentence=True,
        max_sentence_length=20000,
        minloglevel=2,
    )
    out_file.write_bytes(buf.getvalue())


def write_hf_model_dir(model, spm_file: Path, model_dir: Path) -> None:
    """Save a MarianMT model + the files MarianTokenizer / the CT2 converter need."""
    import sentencepiece as spm

    model_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(model_dir)
    sp = spm.SentencePieceProcessor(model_file=str(spm_file))
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    vocab["<pad>"] = sp.get_piece_size()
    (model_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    shutil.copy(spm_file, model_dir / "source.spm")
    shutil.copy(spm_file, model_dir / "target.spm")
    (model_dir / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "tokenizer_class": "MarianTokenizer",
                "eos_token": "</s>",
                "unk_token": "<unk>",
                "pad_token": "<pad>",
                "model_max_length": 512,
                "separate_vocabs": False,
            }
        ),
        encoding="utf-8",
    )


def convert_ct2(model_dir: Path, out_dir: Path, quantization: str | None = None) -> None:
    import ctranslate2

    if out_dir.exists():
        shutil.rmtree(out_dir)
    ctranslate2.converters.TransformersConverter(str(model_dir)).convert(
        str(out_dir), quantization=quantization, force=True
    )


def marian_config(
    vocab_size_with_pad: int,
    pad_id: int,
    eos_id: int,
    *,
    d_model: int,
    layers: int,
    heads: int,
    ffn: int,
    max_pos: int,
):
    from transformers import MarianConfig

    return MarianConfig(
        vocab_size=vocab_size_with_pad,
        decoder_vocab_size=vocab_size_with_pad,
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_pos,
        pad_token_id=pad_id,
        eos_token_id=eos_id,
        decoder_start_token_id=pad_id,
        forced_eos_token_id=eos_id,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        scale_embedding=True,
        activation_function="swish",
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
    )


def zip_package(pkg_src_dir: Path, folder_name: str, out_file: Path) -> None:
    """Zip like a real Argos package: everything under one top-level folder.

    Entries are sorted and time-stamped 1980-01-01 so the zip is reproducible.
    """
    files = sorted(p for p in pkg_src_dir.rglob("*"))
    with zipfile.ZipFile(out_file, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for p in files:
            rel = p.relative_to(pkg_src_dir).as_posix()
            name = f"{folder_name}/{rel}" + ("/" if p.is_dir() else "")
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_DATE)
            if p.is_dir():
                info.external_attr = (0o40755 << 16) | 0x10
                zf.writestr(info, b"")
            else:
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, p.read_bytes(), compresslevel=9)


def make_metadata(src: str, tgt: str, package_version: str = PACKAGE_VERSION) -> dict:
    return {
        "package_version": package_version,
        "argos_version": ARGOS_VERSION,
        "from_code": src,
        "from_name": LANG_NAMES[src],
        "to_code": tgt,
        "to_name": LANG_NAMES[tgt],
        "type": "translate",
        "code": f"translate-{src}_{tgt}",
    }


# ---------------------------------------------------------------------------
# Tiny package
# ---------------------------------------------------------------------------


def install_int8_fake_quant(model) -> dict:
    """Emulate CTranslate2's CPU int8 inference while training (straight-through).

    CTranslate2 int8 keeps Linear/Embedding weights as int8 with one scale per row
    (127 / max|row|) and quantizes each input row of a Linear on the fly. On CPUs
    without AVX512-VNNI it may run the product through oneDNN's u8s8 GEMM: inputs
    shifted to uint8 (+128) and adjacent pairs of products summed in int16 *with
    saturation* (vpmaddubsw) before the int32 accumulation and the -128*sum(w)
    compensation. That saturation is not noise: on this model it turned
    p(gold) 0.99 into 1e-5 for some tokens. Modes set through the returned dict:
    None (float), "int8" (exact int8, e.g. MKL/VNNI) and "int8sat" (the
    saturating AVX2 path; reproduced CTranslate2's log-probs to 1e-3 here).
    """
    import torch
    import torch.nn.functional as F

    flag = {"mode": None}

    def q_rows(x):
        amax = x.abs().amax(dim=-1, keepdim=True).clamp(min=1e-8)
        scale = 127.0 / amax
        return torch.round(x * scale).clamp(-127, 127), scale

    def emulated_linear(x, w, bias, saturate):
        shape = x.shape
        x2 = x.reshape(-1, shape[-1])
        xq, sx = q_rows(x2)
        wq, sw = q_rows(w)
        if saturate:
            a = xq + 128.0
            pairs = a[:, None, 0::2] * wq[None, :, 0::2] + a[:, None, 1::2] * wq[None, :, 1::2]
            acc = pairs.clamp(-32768, 32767).sum(-1) - 128.0 * wq.sum(-1)[None, :]
        else:
            acc = xq @ wq.T
        y = acc / (sx * sw.T)
        if bias is not None:
            y = y + bias
        return y.reshape(*shape[:-1], w.shape[0])

    def linear_forward(self, x):
        y = F.linear(x, self.weight, self.bias)
        if flag["mode"] is None:
            return y
        with torch.no_grad():
            yq = emulated_linear(x, self.weight, self.bias, flag["mode"] == "int8sat")
        return y + (yq - y).detach()

    def embedding_forward(self, ids):
        w = self.weight
        if flag["mode"] is not None:
            with torch.no_grad():
                wq, sw = q_rows(w)
            w = w + (wq / sw - w).detach()
        return F.embedding(
            ids,
            w,
            self.padding_idx,
            self.max_norm,
            self.norm_type,
            self.scale_grad_by_freq,
            self.sparse,
        )

    for module in model.modules():
        if type(module) is torch.nn.Linear:
            module.forward = linear_forward.__get__(module)
        elif type(module) is torch.nn.Embedding:  # not the sinusoidal positions
            module.forward = embedding_forward.__get__(module)
    return flag


QUANT_MODES = (None, "int8", "int8sat")


def train_tiny_model(
    pairs,
    sp,
    log,
    float_steps: int = 2000,
    qat_steps: int = 1000,
    min_gold_target: float = 0.95,
    eos_margin: float = -12.0,
):
    """Train until every pair is memorized robustly enough for CTranslate2.

    Three things make a memorizing toy model decode exactly in CTranslate2:
    * high confidence on each gold token (greedy);
    * beam search (CTranslate2 stops once beam_size hypotheses have *finished*):
      side branches must not end before the gold one. Each step also trains on a
      copy of the targets with one random token inserted (its label masked), so a
      branch that took a wrong token goes back to the gold continuation and ends
      later; and "</s>" is pushed below exp(eos_margin) away from the end;
    * int8 inference (Argos loads models with compute_type="auto", int8 on CPU):
      after the float phase, training alternates the int8 emulations above.
    """
    import torch
    import torch.nn.functional as F
    from transformers import MarianMTModel

    V = sp.get_piece_size()
    pad_id, eos_id = V, sp.eos_id()
    assert eos_id == 0 and sp.unk_id() == 1
    cfg = marian_config(V + 1, pad_id, eos_id, d_model=64, layers=1, heads=2, ffn=128, max_pos=128)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    model = MarianMTModel(cfg)
    with torch.no_grad():
        model.model.shared.weight[pad_id].zero_()

    # The embedding is tied to the output projection, so the "<pad>" row would get
    # gradients through the logits. CTranslate2 drops that row and starts the
    # decoder from a zero embedding: keep the row at zero so both agree.
    def _zero_pad_grad(grad):
        grad = grad.clone()
        grad[pad_id] = 0
        return grad

    model.model.shared.weight.register_hook(_zero_pad_grad)
    fake_quant = install_int8_fake_quant(model)

    # Each source both without and with a trailing "</s>": Argos feeds the bare
    # pieces (OpenNMT convention) while CTranslate2's Marian examples append "</s>";
    # the model answers the same either way.
    src_seqs, tgt_seqs = [], []
    for s, t in pairs:
        s_ids = sp.encode(s)
        t_ids = sp.encode(t) + [eos_id]
        for src in (s_ids, s_ids + [eos_id]):
            src_seqs.append(src)
            tgt_seqs.append(t_ids)
    n = len(src_seqs)
    Ls = max(map(len, src_seqs))
    Lt = max(map(len, tgt_seqs)) + 1
    input_ids = torch.full((n, Ls), pad_id, dtype=torch.long)
    attn = torch.zeros((n, Ls), dtype=torch.long)
    for i, s in enumerate(src_seqs):
        input_ids[i, : len(s)] = torch.tensor(s)
        attn[i, : len(s)] = 1

    def targets(noisy: bool):
        labels = torch.full((n, Lt), -100, dtype=torch.long)
        dec_in = torch.full((n, Lt), pad_id, dtype=torch.long)
        for i, t in enumerate(tgt_seqs):
            z, lab = list(t), list(t)
            if noisy:
                j = rng.randrange(len(t))  # insert before t[j] (may be </s>)
                r = rng.randrange(2, V)  # any real piece
                z = t[:j] + [r] + t[j:]
                lab = t[:j] + [-100] + t[j:]
            labels[i, : len(lab)] = torch.tensor(lab)
            dec_in[i, 1 : len(z)] = torch.tensor(z[:-1])
        return dec_in, labels

    clean_dec_in, clean_labels = targets(False)

    def forward(dec_in, labels):
        out = model(
            input_ids=input_ids,
            attention_mask=attn,
            decoder_input_ids=dec_in,
            decoder_attention_mask=(dec_in != pad_id) | (torch.arange(Lt) == 0),
        )
        return out.logits

    def loss_fn(logits, labels):
        ce = F.cross_entropy(
            logits.reshape(-1, logits.size(-1)), labels.reshape(-1), ignore_index=-100
        )
        logp = logits.log_softmax(-1)
        not_end = (labels != -100) & (labels != eos_id)
        eos_lp = logp[..., eos_id][not_end]
        return ce + F.relu(eos_lp - eos_margin).mean()

    def margins(logits, labels):
        with torch.no_grad():
            mask = labels != -100
            acc = (logits.argmax(-1)[mask] == labels[mask]).float().mean().item()
            logp = logits.log_softmax(-1)
            gold = logp.gather(-1, labels.clamp(min=0).unsqueeze(-1)).squeeze(-1).exp()
            not_end = mask & (labels != eos_id)
            return acc, gold[mask].min().item(), logp[..., eos_id][not_end].max().item()

    def evaluate(modes):
        model.eval()
        res = {}
        for mode in modes:
            fake_quant["mode"] = mode
            with torch.no_grad():
                res[mode] = margins(forward(clean_dec_in, clean_labels), clean_labels)
        fake_quant["mode"] = None
        model.train()
        return res

    def good(res):
        return all(
            acc == 1.0 and mg > min_gold_target and eos < eos_margin + 2
            for acc, mg, eos in res.values()
        )

    def run(phase: str, lr: float, modes, steps_cap: int) -> None:
        opt = torch.optim.Adam(model.parameters(), lr=lr)
        # cosine decay to lr/20 over steps_cap: the late, small steps settle the margins
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda k: 0.05 + 0.475 * (1 + math.cos(math.pi * min(k, steps_cap) / steps_cap))
        )
        t0 = time.time()
        step, streak, res = 0, 0, {}
        model.train()
        while step < steps_cap:
            step += 1
            fake_quant["mode"] = modes[step % len(modes)]
            noisy_dec_in, noisy_labels = targets(True)
            loss = loss_fn(forward(clean_dec_in, clean_labels), clean_labels) + loss_fn(
                forward(noisy_dec_in, noisy_labels), noisy_labels
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            fake_quant["mode"] = None
            if step % 100 == 0 or step == steps_cap:
                res = evaluate(modes)
                if step % 500 == 0:
                    log(f"    {phase} step {step}: loss {loss.item():.5f} " + fmt(res))
                streak = streak + 1 if good(res) else 0
                if streak >= 2:
                    break
        log(f"    {phase}: {step} steps in {time.time() - t0:.1f}s: " + fmt(res))

    def fmt(res):
        return "; ".join(
            f"{m or 'float'} acc {a:.3f} min p(gold) {g:.4f} max logp(eos) {e:.1f}"
            for m, (a, g, e) in res.items()
        )

    model.train()
    run("float", 3e-3, [None], float_steps)
    run("int8-aware", 1e-3, ["int8sat", "int8", None], qat_steps)
    final = evaluate(QUANT_MODES)
    log("    final: " + fmt(final))
    model.eval()
    model._fake_quant = fake_quant
    model._train_more = lambda steps: run("int8-aware+", 5e-4, ["int8sat", "int8", None], steps)
    assert float(model.model.shared.weight[pad_id].detach().abs().max()) == 0.0
    return model


def ct2_translate(
    model_dir: Path,
    sp,
    sentences,
    beam_size: int,
    add_eos: bool = False,
    compute_type: str = "default",
    length_penalty: float = 1.0,
    max_decoding_length: int = 100,
):
    import ctranslate2

    tr = ctranslate2.Translator(
        str(model_dir), device="cpu", compute_type=compute_type, inter_threads=1, intra_threads=1
    )
    toks = [sp.encode(s, out_type=str) + (["</s>"] if add_eos else []) for s in sentences]
    res = tr.translate_batch(
        toks,
        beam_size=beam_size,
        length_penalty=length_penalty,
        max_decoding_length=max_decoding_length,
    )
    return [sp.decode_pieces(r.hypotheses[0]) for r in res]


# (environment, compute_type) combinations checked for every package. On this
# AMD/AVX2 machine CTranslate2 uses oneDNN for int8 (saturating u8s8 GEMM);
# CT2_USE_MKL=1 forces Intel MKL, whose int8 matches Intel/VNNI machines.
CHECK_BACKENDS = {"dnnl": {}, "mkl": {"CT2_USE_MKL": "1"}}
CHECK_COMPUTE_TYPES = ("default", "int8")
CHECK_BEAMS = ((1, 1.0), (2, 1.0), (4, 0.2))  # beam 4 + length_penalty 0.2: Argos' defaults
CHECK_MATRIX_NAMES = [
    f"{backend}/{ct}/beam{beam}{'+eos' if eos else ''}"
    for backend in CHECK_BACKENDS
    for ct in CHECK_COMPUTE_TYPES
    for beam, _ in CHECK_BEAMS
    for eos in (False, True)
]


def check_ct2_matrix(model_dir: Path, spm_file: Path, srcs, refs) -> dict:
    """Run the CHECK_MATRIX in subprocesses (CT2_* variables are read at import)."""
    import subprocess

    bad = {}
    for backend, env_extra in CHECK_BACKENDS.items():
        env = dict(os.environ, **env_extra)
        job = json.dumps(
            {"model": str(model_dir), "spm": str(spm_file), "srcs": srcs, "refs": refs}
        )
        proc = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--check-job"],
            input=job,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        for key, mism in json.loads(proc.stdout).items():
            if mism:
                bad[f"{backend}/{key}"] = mism
    return bad


def check_job() -> int:
    import sentencepiece as spm

    job = json.loads(sys.stdin.read())
    sp = spm.SentencePieceProcessor(model_file=job["spm"])
    out = {}
    for ct in CHECK_COMPUTE_TYPES:
        for beam, lp in CHECK_BEAMS:
            for eos in (False, True):
                hyp = ct2_translate(Path(job["model"]), sp, job["srcs"], beam, eos, ct, lp)
                out[f"{ct}/beam{beam}{'+eos' if eos else ''}"] = [
                    [s, h] for s, h, r in zip(job["srcs"], hyp, job["refs"], strict=True) if h != r
                ]
    print(json.dumps(out))
    return 0


def build_tiny_package(src: str, tgt: str, out_dir: Path, work: Path, log) -> dict:
    import sentencepiece as spm

    seed_everything()
    name = f"translate-{src}_{tgt}-tiny"
    pairs = pairs_for(src, tgt)
    log(f"[{name}] {len(pairs)} training pairs")
    pdir = work / name
    pkg_dir = pdir / "pkg"
    pkg_dir.mkdir(parents=True)
    spm_file = pkg_dir / "sentencepiece.model"
    corpus = [s for p in pairs for s in p]
    train_sentencepiece(corpus, spm_file, vocab_size=120, user_symbols=PLACEHOLDERS)
    sp = spm.SentencePieceProcessor(model_file=str(spm_file))
    log(f"    sentencepiece vocab {sp.get_piece_size()}")
    for p in PLACEHOLDERS:
        assert sp.encode(f"a {p} b", out_type=str).count(p) == 1, p

    model = train_tiny_model(pairs, sp, log)
    hf_dir = pdir / "hf"
    srcs = [s for s, _ in pairs]
    refs = [t for _, t in pairs]
    for _attempt in range(4):
        write_hf_model_dir(model, spm_file, hf_dir)
        convert_ct2(hf_dir, pkg_dir / "model")
        bad = check_ct2_matrix(pkg_dir / "model", spm_file, srcs, refs)
        if not bad:
            break
        log(f"    CTranslate2 mismatches {sorted(bad)}: {next(iter(bad.values()))[:2]}")
        model._train_more(300)
    else:
        raise SystemExit(f"{name}: CTranslate2 outputs still differ: {bad}")
    log(f"    ct2 exact on all {len(srcs)} sources for: {', '.join(CHECK_MATRIX_NAMES)}")
    checks = dict.fromkeys(CHECK_MATRIX_NAMES, True)

    meta = make_metadata(src, tgt)
    (pkg_dir / "metadata.json").write_text(json.dumps(meta, indent=4) + "\n", encoding="utf-8")
    (pkg_dir / "README.md").write_text(
        f"# Tiny {LANG_NAMES[src]} -> {LANG_NAMES[tgt]} test package\n\n"
        "Built by normalizer's scripts/build_tiny_argos.py: a 1+1 layer d_model-64 "
        "Transformer that only knows its toy training sentences. For tests only.\n",
        encoding="utf-8",
    )
    out_file = out_dir / f"{name}.argosmodel"
    zip_package(pkg_dir, name, out_file)
    log(f"    wrote {out_file} ({out_file.stat().st_size} bytes)")
    return {
        "file": out_file.name,
        "folder": name,
        "from_code": src,
        "to_code": tgt,
        "metadata": meta,
        "pairs": [{"source": s, "target": t} for s, t in pairs],
        "verified": sorted(checks),
    }


def verify_with_argos(out_dir: Path, infos: list[dict], log) -> dict:
    """Install the packages with the real argostranslate into a temp dir and check them."""
    report = {}
    tmp = Path(tempfile.mkdtemp(prefix="argos-verify-"))
    env_backup = dict(os.environ)
    os.environ["ARGOS_PACKAGES_DIR"] = str(tmp / "packages")
    # argostranslate.settings creates folders under $HOME / XDG dirs at import
    os.environ["HOME"] = str(tmp / "home")
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ.pop(var, None)
    (tmp / "packages").mkdir()
    (tmp / "home").mkdir()
    server = None
    try:
        import argostranslate.package as ap
        import argostranslate.settings as aset

        assert Path(aset.package_data_dir) == tmp / "packages", aset.package_data_dir
        for info in infos:
            ap.install_from_path(out_dir / info["file"])
        installed = ap.get_installed_packages()
        got = sorted(
            (p.from_code, p.to_code, p.package_path.name, p.package_version) for p in installed
        )
        log(f"    argostranslate installed: {got}")
        want = sorted((i["from_code"], i["to_code"], i["folder"], PACKAGE_VERSION) for i in infos)
        assert got == want, (got, want)
        report["installed"] = got

        # Argos' own tokenize -> translate_batch -> decode path, without its
        # sentence splitter (which would try to download a MiniSBD model offline).
        import ctranslate2
        from argostranslate.translate import apply_packaged_translation

        class OneSentence:
            def split_sentences(self, text):
                return [text]

        by_code = {(p.from_code, p.to_code): p for p in installed}
        for info in infos:
            pkg = by_code[(info["from_code"], info["to_code"])]
            tr = ctranslate2.Translator(
                str(pkg.package_path / "model"), device="cpu", compute_type="auto"
            )
            bad = []
            for pair in info["pairs"]:
                hyps = apply_packaged_translation(pkg, pair["source"], tr, OneSentence(), 1)
                if hyps[0].value != pair["target"]:
                    bad.append((pair["source"], hyps[0].value))
            assert not bad, bad
            log(f"    argos apply_packaged_translation exact for {info['file']}")
        report["argos_path_exact"] = True

        from argostranslate.tokenizer import SentencePieceTokenizer

        tok = SentencePieceTokenizer(installed[0].package_path / "sentencepiece.model")
        probes = {}
        for s in [
            "XENTAX a condamné l'attaque.",
            "Il a parlé avec XENTAX hier.",
            "Il a parlé avec __E0__ hier.",
            "__E0__ a parlé.",
            "X_0 et XENT0X.",
        ]:
            pieces = tok.encode(s)
            probes[s] = {
                "pieces": pieces,
                "argos_decode": tok.decode(pieces),
                "spm_decode": tok.lazy_processor().decode_pieces(pieces),
            }
        report["decode_probes"] = probes

        # index.json: real index format, links rewritten to a loopback server;
        # AvailablePackage.install() downloads and installs from it.
        import functools
        import http.server
        import threading

        class QuietHandler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        handler = functools.partial(QuietHandler, directory=str(out_dir))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        index_text = (out_dir / "index.json").read_text(encoding="utf-8")
        Path(aset.local_package_index).write_text(
            index_text.replace("{base}", base), encoding="utf-8"
        )
        for pkg in ap.get_installed_packages():
            ap.uninstall(pkg)
        assert ap.get_installed_packages() == []
        available = ap.get_available_packages()
        assert sorted((a.from_code, a.to_code) for a in available) == sorted(
            (i["from_code"], i["to_code"]) for i in infos
        )
        for a in available:
            a.install()
        got2 = sorted(
            (p.from_code, p.to_code, p.package_path.name, p.package_version)
            for p in ap.get_installed_packages()
        )
        assert got2 == want, (got2, want)
        log(f"    index.json -> get_available_packages -> install() over {base}: {got2}")
        report["index_install"] = got2
    finally:
        if server is not None:
            server.shutdown()
        os.environ.clear()
        os.environ.update(env_backup)
        shutil.rmtree(tmp, ignore_errors=True)
    return report


def info_from_existing(src: str, tgt: str, out_dir: Path, log) -> dict:
    """--verify-only: re-check an existing package instead of training a new one."""
    name = f"translate-{src}_{tgt}-tiny"
    pairs = pairs_for(src, tgt)
    with tempfile.TemporaryDirectory(prefix="tiny-argos-verify-") as tmp:
        with zipfile.ZipFile(out_dir / f"{name}.argosmodel") as zf:
            zf.extractall(tmp)
        pdir = Path(tmp) / name
        meta = json.loads((pdir / "metadata.json").read_text(encoding="utf-8"))
        bad = check_ct2_matrix(
            pdir / "model",
            pdir / "sentencepiece.model",
            [s for s, _ in pairs],
            [t for _, t in pairs],
        )
    if bad:
        raise SystemExit(f"{name}: CTranslate2 outputs differ: {bad}")
    log(f"[{name}] ct2 exact on all {len(pairs)} sources for the whole check matrix")
    return {
        "file": f"{name}.argosmodel",
        "folder": name,
        "from_code": src,
        "to_code": tgt,
        "metadata": meta,
        "pairs": [{"source": s, "target": t} for s, t in pairs],
        "verified": sorted(CHECK_MATRIX_NAMES),
    }


def build_fixtures(out_dir: Path, log, verify_only: bool = False) -> None:
    import ctranslate2
    import sentencepiece as spm

    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    infos = []
    if verify_only:
        infos = [info_from_existing(src, tgt, out_dir, log) for src, tgt in TINY_PACKAGES]
    else:
        with tempfile.TemporaryDirectory(prefix="tiny-argos-") as work:
            for src, tgt in TINY_PACKAGES:
                infos.append(build_tiny_package(src, tgt, out_dir, Path(work), log))

    # expected.json: outputs as CTranslate2 + SentencePiece produce them from the zips
    expected = {
        "placeholders": PLACEHOLDERS,
        "input_convention": (
            "source = sp.encode(sentence, out_type=str), without '</s>' "
            "(as argostranslate does); outputs are identical with '</s>' "
            "appended"
        ),
        "how": (
            "CTranslate2 Translator(model/).translate_batch(sp.encode(s, out_type=str)) "
            "then sp.decode_pieces(hypotheses[0]). 'verified' lists the checked "
            "combinations: backend (dnnl = default here, mkl = CT2_USE_MKL=1), "
            "compute_type (default = float32 as stored, int8 = what 'auto' picks on "
            "CPU), beam_size 1/2/4 (4 with length_penalty 0.2, Argos' defaults), "
            "+eos = '</s>' appended to the source; all gave exactly the targets"
        ),
        "packages": {},
        "pivot": [],
    }
    extracted = {}
    tmp = Path(tempfile.mkdtemp(prefix="tiny-argos-check-"))
    try:
        for info in infos:
            with zipfile.ZipFile(out_dir / info["file"]) as zf:
                zf.extractall(tmp)
            pdir = tmp / info["folder"]
            sp = spm.SentencePieceProcessor(model_file=str(pdir / "sentencepiece.model"))
            extracted[(info["from_code"], info["to_code"])] = (pdir, sp)
            srcs = [p["source"] for p in info["pairs"]]
            outs = {b: ct2_translate(pdir / "model", sp, srcs, b) for b in (1, 2)}
            assert outs[1] == outs[2] == [p["target"] for p in info["pairs"]]
            expected["packages"][info["file"]] = {
                "from_code": info["from_code"],
                "to_code": info["to_code"],
                "folder": info["folder"],
                "verified": info["verified"],
                "sentences": [
                    {"source": s, "beam1": outs[1][i], "beam2": outs[2][i]}
                    for i, s in enumerate(srcs)
                ],
            }
        # pivot fr -> en -> es
        fr_dir, fr_sp = extracted[("fr", "en")]
        es_dir, es_sp = extracted[("en", "es")]
        fr_srcs = [p["source"] for p in infos[0]["pairs"]]
        es_map = {p["source"]: p["target"] for p in infos[1]["pairs"]}
        for beam in (1, 2):
            en = ct2_translate(fr_dir / "model", fr_sp, fr_srcs, beam)
            es = ct2_translate(es_dir / "model", es_sp, en, beam)
            for f, e, s in zip(fr_srcs, en, es, strict=True):
                assert s == es_map[e], (f, e, s)
                if beam == 1:
                    expected["pivot"].append({"fr": f, "en": e, "es": s})
        # Not training sentences: what the toy model does off its data (informative,
        # NOT guaranteed; tests must not assert these).
        probes = [
            "XENTCX a visité XENTAX hier.",
            "Il a parlé avec XENTJX et XENTAX hier.",
            "Le président a rencontré XENTEX.",
            "Bonjour XENTAX.",
            "La paix est importante. Merci beaucoup.",
        ]
        expected["unseen_probes_fr_en_beam1"] = dict(
            zip(probes, ct2_translate(fr_dir / "model", fr_sp, probes, 1), strict=True)
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log(f"pivot fr->en->es exact for {len(expected['pivot'])} sentences (beam 1 and 2)")

    (out_dir / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )

    index = []
    for info in infos:
        entry = dict(info["metadata"])
        entry["links"] = ["{base}/" + info["file"]]
        index.append(
            {
                k: entry[k]
                for k in (
                    "package_version",
                    "argos_version",
                    "from_code",
                    "from_name",
                    "to_code",
                    "to_name",
                    "links",
                    "code",
                    "type",
                )
            }
        )
    (out_dir / "index.json").write_text(json.dumps(index, indent=4) + "\n", encoding="utf-8")

    import importlib.util

    if importlib.util.find_spec("argostranslate") is None:
        log("argostranslate not installed: skipped the install check")
    else:
        report = verify_with_argos(out_dir, infos, log)
        for s, r in report["decode_probes"].items():
            log(
                f"    probe {s!r}: pieces {r['pieces']} argos {r['argos_decode']!r} "
                f"spm {r['spm_decode']!r}"
            )
    log(f"done in {time.time() - t0:.1f}s (ctranslate2 {ctranslate2.__version__})")


# ---------------------------------------------------------------------------
# Benchmark model (random weights, transformer-base)
# ---------------------------------------------------------------------------


def bench_corpus(max_chars: int) -> list[str]:
    """Some real French/English text for SentencePiece, found on the machine.

    The system's gettext catalogs (/usr/share/locale/fr/LC_MESSAGES/*.mo: English
    messages with their French translations, ~7 MB here), then comments and
    docstrings of Python's stdlib (English), then the toy sentences. What a machine
    has installed varies, so the bench vocabulary may too; it only has to be
    realistic in size.
    """
    import gettext
    import sysconfig

    lines: list[str] = []
    for t in build_triples():
        lines.extend(t)
    total = 0

    def add(text: str) -> None:
        nonlocal total
        for line in text.splitlines():
            line = line.strip().lstrip("#").strip()
            if len(line) >= 12:
                lines.append(line)
                total += len(line)

    for mo in sorted(Path("/usr/share/locale").glob("fr/LC_MESSAGES/*.mo")):
        try:
            with open(mo, "rb") as fh:
                catalog = gettext.GNUTranslations(fh)._catalog
        except Exception:  # noqa: BLE001 - any unreadable catalog is skipped
            continue
        for key, value in sorted(catalog.items(), key=lambda kv: str(kv[0])):
            msgid = key[0] if isinstance(key, tuple) else key
            if msgid:
                add(str(msgid))
                add(str(value))
        if total >= max_chars // 2:
            break
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for f in sorted(stdlib.rglob("*.py")):
        if total >= max_chars:
            break
        if "test" in f.parts or "site-packages" in f.parts:
            continue
        try:
            add(f.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
    return lines


def build_bench_model(out_dir: Path, log, vocab_size: int, quantization: str) -> None:
    import sentencepiece as spm
    import torch
    from transformers import MarianMTModel

    seed_everything()
    t0 = time.time()
    name = "translate-fr_en-bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    pkg_dir = out_dir / name
    if pkg_dir.exists():
        shutil.rmtree(pkg_dir)
    pkg_dir.mkdir()
    spm_file = pkg_dir / "sentencepiece.model"
    lines = bench_corpus(12_000_000)
    log(f"[bench] sentencepiece on {len(lines)} lines, vocab {vocab_size}")
    train_sentencepiece(lines, spm_file, vocab_size, PLACEHOLDERS, input_sentence_size=400000)
    sp = spm.SentencePieceProcessor(model_file=str(spm_file))
    V = sp.get_piece_size()
    log(f"    vocab {V} ({time.time() - t0:.0f}s)")
    cfg = marian_config(
        V + 1, V, sp.eos_id(), d_model=512, layers=6, heads=8, ffn=2048, max_pos=1024
    )  # CTranslate2's default max_input_length
    torch.manual_seed(SEED)
    model = MarianMTModel(cfg)
    with torch.no_grad():
        model.model.shared.weight[V].zero_()
        # Never emit </s>: every output runs to max_decoding_length, so benchmark
        # lengths are fixed by the caller.
        model.final_logits_bias[0, sp.eos_id()] = -1e4
    model.eval()
    with tempfile.TemporaryDirectory(prefix="bench-hf-") as work:
        write_hf_model_dir(model, spm_file, Path(work))
        convert_ct2(Path(work), pkg_dir / "model", quantization=quantization)
    meta = make_metadata("fr", "en", package_version="0.0.1")
    (pkg_dir / "metadata.json").write_text(json.dumps(meta, indent=4) + "\n", encoding="utf-8")
    zip_package(pkg_dir, name, out_dir / f"{name}.argosmodel")
    size = sum(p.stat().st_size for p in (pkg_dir / "model").rglob("*") if p.is_file())
    fr = [t[0] for t in BASE_TRIPLES]
    pieces = sum(len(sp.encode(x)) for x in fr) / len(fr)
    chars = sum(map(len, fr)) / len(fr)
    log(f"    {pieces:.1f} pieces per toy French sentence ({chars:.0f} chars)")
    log(
        f"    wrote {pkg_dir} (model {size / 1e6:.1f} MB, {quantization}) and "
        f"{name}.argosmodel in {time.time() - t0:.0f}s"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--out",
        type=Path,
        default=Path("tests/fixtures/argos"),
        help="output folder (fixtures, or bench models with --bench-model)",
    )
    ap.add_argument(
        "--bench-model",
        action="store_true",
        help="build a random-weights transformer-base model for benchmarks instead",
    )
    ap.add_argument("--bench-vocab", type=int, default=32000)
    ap.add_argument(
        "--bench-quantization",
        default="int8",
        help="CTranslate2 quantization of the bench model (real Argos models: int8)",
    )
    ap.add_argument(
        "--verify-only",
        action="store_true",
        help="do not train: re-check the packages already in --out and rewrite "
        "expected.json / index.json",
    )
    ap.add_argument("--check-job", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.check_job:
        return check_job()

    def log(msg):
        print(msg, flush=True)

    if args.bench_model:
        build_bench_model(args.out, log, args.bench_vocab, args.bench_quantization)
    else:
        build_fixtures(args.out, log, verify_only=args.verify_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
