"""Fine-tune bge-small-en-v1.5 end to end for the 13 decision criteria, per-writer (file) cross-validation.

Usage: /usr/bin/python3 ft.py --name main [--lr 5e-5] [--tuned] [--sentiment] [--folds dev,test,...]
Appends per-fold results to results.md and results.jsonl as each fold finishes.
"""
import argparse, json, math, os, random, time
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F
from berttok import BertTokenizer
from bertport import Bert, load_onnx, batch

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
FILES = "dev test holdout holdout2 holdout3 train5 holdout4 train6".split()  # never holdout5
CRIT = ["price", "product_fit", "ease_of_use", "integration", "implementation", "support", "sales_experience",
        "security_compliance", "performance_reliability", "roi_value", "reputation_trust", "contract_terms",
        "timing_budget"]
SENT = ["positive", "neutral", "negative"]
HERE = os.path.dirname(os.path.abspath(__file__))

ap = argparse.ArgumentParser()
ap.add_argument('--name', required=True)
ap.add_argument('--lr', type=float, default=5e-5)
ap.add_argument('--epochs', type=int, default=4)
ap.add_argument('--bs', type=int, default=16)
ap.add_argument('--wd', type=float, default=0.01)
ap.add_argument('--warmup', type=float, default=0.1)
ap.add_argument('--seed', type=int, default=42)
ap.add_argument('--threads', type=int, default=2)
ap.add_argument('--tuned', action='store_true', help='train on 90%%, tune per-criterion thresholds on 10%% of interviews')
ap.add_argument('--sentiment', action='store_true', help='joint 3-way sentiment head')
ap.add_argument('--folds', default=','.join(FILES))
ap.add_argument('--limit', type=int, default=0, help='smoke test: use only this many training sentences')
ap.add_argument('--head-lr', type=float, default=0.0, help='separate lr for the new head(s); 0 = same as --lr')
ap.add_argument('--prior-bias', action='store_true', help='initialise criterion head biases to log-odds of training frequencies')
ap.add_argument('--bucket', action='store_true', help='length-bucketed batches (shuffle, sort within chunks of 50 batches, shuffle batches)')
ap.add_argument('--save', default='', help='fold name whose fine-tuned model to save')
args = ap.parse_args()
torch.set_num_threads(args.threads)

tok = BertTokenizer(os.path.join(HERE, 'bge-small-en-v1.5-tokenizer.json'))


def load(f):
    rows = [json.loads(l) for l in open(f'{EVAL}/{f}.jsonl', encoding='utf-8') if l.strip()]
    # interviews: runs of consecutive sentences with the same industry and outcome (README)
    iv, prev = -1, None
    for r in rows:
        key = (r['industry'], r['outcome'])
        if key != prev:
            iv += 1; prev = key
        r['file'] = f; r['interview'] = f'{f}#{iv}'
        r['y'] = [1.0 if c in r['criteria'] else 0.0 for c in CRIT]
        assert all(c in CRIT for c in r['criteria']), r['criteria']
        r['s'] = SENT.index(r['sentiment'])
        r['ntok'] = len(tok.encode(r['text']))
    return rows


DATA = {f: load(f) for f in FILES}


class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = load_onnx(Bert(p_drop=0.1), os.path.join(HERE, 'bge-small-en-v1.5.onnx'))
        self.drop = nn.Dropout(0.1)
        self.crit = nn.Linear(384, len(CRIT))
        self.sent = nn.Linear(384, len(SENT)) if args.sentiment else None

    def forward(self, ids, mask):
        h = self.drop(self.bert.cls(ids, mask))
        return self.crit(h), (self.sent(h) if self.sent is not None else None)


def seed_all(s):
    random.seed(s); np.random.seed(s); torch.manual_seed(s)


def predict(model, rows, bs=64):
    model.eval(); P, S = [], []
    with torch.no_grad():
        order = sorted(range(len(rows)), key=lambda i: len(rows[i]['text']))  # length-sorted for speed
        for i in range(0, len(rows), bs):
            idx = order[i:i + bs]
            lc, ls = model(*batch(tok, [rows[j]['text'] for j in idx]))
            P.append((idx, torch.sigmoid(lc).numpy(), None if ls is None else ls.argmax(-1).numpy()))
    probs = np.zeros((len(rows), len(CRIT))); sent = np.zeros(len(rows), dtype=int)
    for idx, p, s in P:
        probs[idx] = p
        if s is not None: sent[idx] = s
    return probs, sent


def prf(y, pred):
    tp = float((y * pred).sum()); fp = float(((1 - y) * pred).sum()); fn = float((y * (1 - pred)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0; r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tune_thresholds(y, probs):
    """Per criterion, the grid threshold with the best F1 on the inner split (ties: closest to 0.5)."""
    grid = np.arange(0.05, 0.951, 0.05); th = np.full(len(CRIT), 0.5)
    for c in range(len(CRIT)):
        th[c] = max(grid, key=lambda t: (round(prf(y[:, c], (probs[:, c] >= t).astype(float))[2], 6), -abs(t - 0.5)))
    return th


def train(rows, fold):
    seed_all(args.seed)
    model = Tagger()
    if args.prior_bias:
        freq = np.clip(np.array([r['y'] for r in rows]).mean(0), 1e-3, 1 - 1e-3)
        with torch.no_grad(): model.crit.bias.copy_(torch.tensor(np.log(freq / (1 - freq)), dtype=torch.float))
    no_decay = lambda n: n.endswith('bias') or '.ln' in n or n.startswith('bert.ln')
    head = lambda n: not n.startswith('bert.')
    hlr = args.head_lr or args.lr
    params = [{'params': [p for n, p in model.named_parameters() if not no_decay(n) and not head(n)], 'weight_decay': args.wd, 'lr': args.lr},
              {'params': [p for n, p in model.named_parameters() if no_decay(n) and not head(n)], 'weight_decay': 0.0, 'lr': args.lr},
              {'params': [p for n, p in model.named_parameters() if not no_decay(n) and head(n)], 'weight_decay': args.wd, 'lr': hlr},
              {'params': [p for n, p in model.named_parameters() if no_decay(n) and head(n)], 'weight_decay': 0.0, 'lr': hlr}]
    opt = torch.optim.AdamW(params, lr=args.lr)
    steps = args.epochs * math.ceil(len(rows) / args.bs); warm = int(args.warmup * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: s / max(1, warm) if s < warm else max(0.0, (steps - s) / max(1, steps - warm)))
    rng = random.Random(args.seed); step = 0; t0 = time.time()
    for ep in range(args.epochs):
        model.train(); order = list(range(len(rows))); rng.shuffle(order); tot = 0.0
        if args.bucket:
            chunk = 50 * args.bs; batches = []
            for c in range(0, len(order), chunk):
                ch = sorted(order[c:c + chunk], key=lambda j: rows[j]['ntok'])
                batches += [ch[i:i + args.bs] for i in range(0, len(ch), args.bs)]
            rng.shuffle(batches)
        else:
            batches = [order[i:i + args.bs] for i in range(0, len(order), args.bs)]
        for bidx in batches:
            b = [rows[j] for j in bidx]
            ids, mask = batch(tok, [r['text'] for r in b])
            lc, ls = model(ids, mask)
            loss = F.binary_cross_entropy_with_logits(lc, torch.tensor([r['y'] for r in b]))
            if ls is not None:
                loss = loss + F.cross_entropy(ls, torch.tensor([r['s'] for r in b]))
            opt.zero_grad(); loss.backward(); opt.step(); sched.step(); step += 1; tot += loss.item() * len(b)
        print(f'  [{fold}] epoch {ep + 1}/{args.epochs} loss {tot / len(rows):.4f} ({time.time() - t0:.0f}s)', flush=True)
    return model, time.time() - t0


def settings():
    s = (f"lr={args.lr:g}, AdamW wd={args.wd} (no decay on bias/LayerNorm), warm-up {args.warmup:.0%} then linear "
         f"decay, batch {args.bs}, {args.epochs} epochs, dropout 0.1 (encoder and CLS), Linear(384,13) head, BCEWithLogits, "
         f"max 128 tokens, seed {args.seed}, {args.threads} threads, nice 10")
    if args.head_lr: s += f"; head lr {args.head_lr:g}"
    if args.prior_bias: s += "; head biases initialised to log-odds of the training label frequencies"
    if args.bucket: s += "; length-bucketed batches"
    if args.sentiment: s += "; joint 3-way sentiment head (cross-entropy, loss summed)"
    if args.tuned: s += ("; trained on 90% (10% of interviews held out, seeded), per-criterion thresholds "
                         "(grid 0.05..0.95) tuned for F1 on that 10%")
    return s


md = os.path.join(HERE, 'results.md')
with open(md, 'a') as o:
    o.write(f"\n## {args.name} ({time.strftime('%Y-%m-%d %H:%M')} UTC)\n\n{settings()}\n\n")
    cols = "| held-out file | n | P@0.5 | R@0.5 | F1@0.5 |"
    if args.tuned: cols += " P tuned | R tuned | F1 tuned |"
    if args.sentiment: cols += " sentiment acc |"
    cols += " train s |"
    o.write(cols + "\n|" + "---|" * (cols.count('|') - 1) + "\n")

res = []
for fold in args.folds.split(','):
    tr = [r for f in FILES if f != fold for r in DATA[f]]
    val = []
    if args.tuned:
        ivs = sorted({r['interview'] for r in tr}); random.Random(args.seed).shuffle(ivs)
        chosen, n = set(), 0
        for iv in ivs:
            if n >= 0.1 * len(tr): break
            chosen.add(iv); n += sum(1 for r in tr if r['interview'] == iv)
        val = [r for r in tr if r['interview'] in chosen]; tr = [r for r in tr if r['interview'] not in chosen]
    if args.limit: tr = tr[:args.limit]
    te = DATA[fold]
    print(f'fold {fold}: train {len(tr)} val {len(val)} test {len(te)}', flush=True)
    model, secs = train(tr, fold)
    y = np.array([r['y'] for r in te]); probs, sent = predict(model, te)
    p, r_, f = prf(y, (probs >= 0.5).astype(float))
    out = {'setting': args.name, 'fold': fold, 'n': len(te), 'p': p, 'r': r_, 'f1': f, 'train_s': secs,
           'n_train': len(tr), 'lr': args.lr}
    row = f"| {fold} | {len(te)} | {p:.3f} | {r_:.3f} | {f:.3f} |"
    if args.tuned:
        vy = np.array([r['y'] for r in val]); vp, _ = predict(model, val)
        th = tune_thresholds(vy, vp)
        tp_, tr2, tf = prf(y, (probs >= th[None, :]).astype(float))
        out.update(p_tuned=tp_, r_tuned=tr2, f1_tuned=tf, thresholds=dict(zip(CRIT, th.tolist())))
        row += f" {tp_:.3f} | {tr2:.3f} | {tf:.3f} |"
    if args.sentiment:
        acc = float((sent == np.array([r['s'] for r in te])).mean()); out['sent_acc'] = acc
        row += f" {acc:.3f} |"
    row += f" {secs:.0f} |"
    # per-criterion F1 at 0.5 for the record
    out['per_criterion_f1'] = {c: prf(y[:, i], (probs[:, i] >= 0.5).astype(float))[2] for i, c in enumerate(CRIT)}
    np.savez(os.path.join(HERE, 'preds', f'{args.name}-{fold}.npz'), probs=probs, y=y, sent=sent)
    if args.save == fold:
        torch.save(model.state_dict(), os.path.join(HERE, f'model-{args.name}-{fold}.pt'))
    res.append(out)
    print(row, flush=True)
    with open(md, 'a') as o: o.write(row + "\n")
    with open(os.path.join(HERE, 'results.jsonl'), 'a') as o: o.write(json.dumps(out) + "\n")
    del model

if len(res) == len(FILES) or len(res) > 1:
    mean = lambda k: float(np.mean([x[k] for x in res]))
    line = f"| **mean of {len(res)}** | | {mean('p'):.3f} | {mean('r'):.3f} | **{mean('f1'):.3f}** |"
    if args.tuned: line += f" {mean('p_tuned'):.3f} | {mean('r_tuned'):.3f} | **{mean('f1_tuned'):.3f}** |"
    if args.sentiment: line += f" **{mean('sent_acc'):.3f}** |"
    line += f" {mean('train_s'):.0f} |"
    print(line)
    with open(md, 'a') as o: o.write(line + "\n")
