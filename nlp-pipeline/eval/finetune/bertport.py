"""bge-small-en-v1.5 as a torch BERT, weights read from the LangChain4j ONNX export."""
import math
import numpy as np
import onnx
from onnx import numpy_helper
import torch
import torch.nn as nn
import torch.nn.functional as F

H, L, NH, I, EPS = 384, 12, 12, 1536, 1e-12


class Layer(nn.Module):
    def __init__(self, p_drop):
        super().__init__()
        self.q = nn.Linear(H, H); self.k = nn.Linear(H, H); self.v = nn.Linear(H, H)
        self.o = nn.Linear(H, H); self.ln1 = nn.LayerNorm(H, eps=EPS)
        self.i = nn.Linear(H, I); self.out = nn.Linear(I, H); self.ln2 = nn.LayerNorm(H, eps=EPS)
        self.drop = nn.Dropout(p_drop)

    def forward(self, x, bias):
        B, T, _ = x.shape
        def heads(t):
            return t.view(B, T, NH, H // NH).transpose(1, 2)
        q, k, v = heads(self.q(x)), heads(self.k(x)), heads(self.v(x))
        s = q @ k.transpose(-1, -2) / math.sqrt(H // NH) + bias
        a = self.drop(F.softmax(s, dim=-1))
        c = (a @ v).transpose(1, 2).reshape(B, T, H)
        x = self.ln1(x + self.drop(self.o(c)))
        return self.ln2(x + self.drop(self.out(F.gelu(self.i(x)))))


class Bert(nn.Module):
    def __init__(self, vocab=30522, max_pos=512, p_drop=0.1):
        super().__init__()
        self.word = nn.Embedding(vocab, H); self.pos = nn.Embedding(max_pos, H); self.ttype = nn.Embedding(2, H)
        self.ln = nn.LayerNorm(H, eps=EPS); self.drop = nn.Dropout(p_drop)
        self.layers = nn.ModuleList([Layer(p_drop) for _ in range(L)])

    def forward(self, ids, mask):
        T = ids.shape[1]
        pos = torch.arange(T, device=ids.device).unsqueeze(0)
        x = self.word(ids) + self.pos(pos) + self.ttype(torch.zeros_like(ids))
        x = self.drop(self.ln(x))
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        for layer in self.layers:
            x = layer(x, bias)
        return x  # last_hidden_state

    def cls(self, ids, mask):
        return self.forward(ids, mask)[:, 0]


def load_onnx(model, path):
    g = onnx.load(path).graph
    inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    # map nameless MatMul weights to the layer whose bias Add consumes their output
    consumers = {}
    for n in g.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    weight_of_bias = {}
    for n in g.node:
        if n.op_type == 'MatMul':
            w = [i for i in n.input if i in inits]
            if not w:
                continue
            b = [i for c in consumers[n.output[0]] for i in c.input if i in inits]
            assert len(b) == 1 and b[0].endswith('.bias'), (w, b)
            weight_of_bias[b[0]] = inits[w[0]]
    sd = {}
    t = lambda a: torch.from_numpy(np.array(a, copy=True)).float()
    sd['word.weight'] = t(inits['embeddings.word_embeddings.weight'])
    sd['pos.weight'] = t(inits['embeddings.position_embeddings.weight'])
    sd["ttype.weight"] = t(inits['embeddings.token_type_embeddings.weight'])
    sd['ln.weight'] = t(inits['embeddings.LayerNorm.weight']); sd['ln.bias'] = t(inits['embeddings.LayerNorm.bias'])
    names = {'q': 'attention.self.query', 'k': 'attention.self.key', 'v': 'attention.self.value',
             'o': 'attention.output.dense', 'i': 'intermediate.dense', 'out': 'output.dense'}
    for l in range(L):
        p = f'encoder.layer.{l}.'
        for short, long in names.items():
            b = p + long + '.bias'
            sd[f'layers.{l}.{short}.bias'] = t(inits[b])
            sd[f'layers.{l}.{short}.weight'] = t(weight_of_bias[b].T)  # ONNX MatMul stores (in, out)
        sd[f'layers.{l}.ln1.weight'] = t(inits[p + 'attention.output.LayerNorm.weight'])
        sd[f'layers.{l}.ln1.bias'] = t(inits[p + 'attention.output.LayerNorm.bias'])
        sd[f'layers.{l}.ln2.weight'] = t(inits[p + 'output.LayerNorm.weight'])
        sd[f'layers.{l}.ln2.bias'] = t(inits[p + 'output.LayerNorm.bias'])
    missing, unexpected = model.load_state_dict(sd, strict=True), None
    used = set(k for k in inits if not k.startswith('onnx::')) | {'x'}
    return model


def batch(tok, texts, max_len=128):
    enc = [tok.encode(s, max_len) for s in texts]
    T = max(len(e) for e in enc)
    ids = torch.zeros(len(enc), T, dtype=torch.long); mask = torch.zeros(len(enc), T, dtype=torch.long)
    for r, e in enumerate(enc):
        ids[r, :len(e)] = torch.tensor(e); mask[r, :len(e)] = 1
    return ids, mask
