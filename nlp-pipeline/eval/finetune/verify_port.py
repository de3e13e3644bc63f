import numpy as np, torch, time
from berttok import BertTokenizer
from bertport import Bert, load_onnx, batch
torch.set_num_threads(2)
tok = BertTokenizer('bge-small-en-v1.5-tokenizer.json')
m = load_onnx(Bert(), 'bge-small-en-v1.5.onnx').eval()
S = [l.rstrip('\n') for l in open('ref_sentences.txt')]
J = np.array([[float(x) for x in l.split()] for l in open('ref_java.txt')])
with torch.no_grad():
    # one at a time (as Java does) and padded batch (as training does)
    single = np.stack([torch.nn.functional.normalize(m.cls(*batch(tok, [s])), dim=-1)[0].numpy() for s in S])
    padded = torch.nn.functional.normalize(m.cls(*batch(tok, S)), dim=-1).numpy()
for s, a, b, j in zip(S, single, padded, J):
    print(f'cos single={a @ j:.6f} padded={b @ j:.6f} maxabs={np.abs(a-j).max():.2e}  {s[:60]!r}')
