"""Inference time per sentence (batch 1, 1 thread) of a fine-tuned encoder+head saved by ft.py --save."""
import json, sys, time, os
import numpy as np, torch
sys.argv += [] 
torch.set_num_threads(1)
from berttok import BertTokenizer
from bertport import Bert, batch
HERE = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1]; fold = sys.argv[2] if len(sys.argv) > 2 else 'dev'
sd = torch.load(path)
bert = Bert(); bert.load_state_dict({k[5:]: v for k, v in sd.items() if k.startswith('bert.')}); bert.eval()
head = torch.nn.Linear(384, 13); head.load_state_dict({'weight': sd['crit.weight'], 'bias': sd['crit.bias']})
tok = BertTokenizer(os.path.join(HERE, 'bge-small-en-v1.5-tokenizer.json'))
texts = [json.loads(l)['text'] for l in open(f'/work/main/nlp-pipeline/eval/{fold}.jsonl') if l.strip()]
times, ttimes = [], []
with torch.no_grad():
    for s in texts[:10]: torch.sigmoid(head(bert.cls(*batch(tok, [s]))))  # warm-up
    for s in texts:
        t0 = time.perf_counter(); enc = batch(tok, [s]); t1 = time.perf_counter()
        torch.sigmoid(head(bert.cls(*enc))); t2 = time.perf_counter()
        ttimes.append(t1 - t0); times.append(t2 - t0)
times = np.array(times) * 1000
print(f'{len(texts)} sentences of {fold}, batch 1, 1 thread: mean {times.mean():.2f} ms, median {np.median(times):.2f} ms, '
      f'p95 {np.percentile(times, 95):.2f} ms (tokenisation {np.mean(ttimes) * 1000:.2f} ms of it)')
