"""BERT uncased WordPiece tokenizer built from a HuggingFace tokenizer.json (BertNormalizer + BertPreTokenizer + WordPiece)."""
import json, unicodedata

def _is_whitespace(c):
    if c in (" ", "\t", "\n", "\r"):
        return True
    return unicodedata.category(c) == "Zs"

def _is_control(c):
    if c in ("\t", "\n", "\r"):
        return False
    return unicodedata.category(c) in ("Cc", "Cf")

def _is_punct(c):
    cp = ord(c)
    if (33 <= cp <= 47) or (58 <= cp <= 64) or (91 <= cp <= 96) or (123 <= cp <= 126):
        return True
    return unicodedata.category(c).startswith("P")

def _is_cjk(cp):
    return ((0x4E00 <= cp <= 0x9FFF) or (0x3400 <= cp <= 0x4DBF) or (0x20000 <= cp <= 0x2A6DF)
            or (0x2A700 <= cp <= 0x2B73F) or (0x2B740 <= cp <= 0x2B81F) or (0x2B820 <= cp <= 0x2CEAF)
            or (0xF900 <= cp <= 0xFAFF) or (0x2F800 <= cp <= 0x2FA1F))

class BertTokenizer:
    def __init__(self, path, max_len=128):
        t = json.load(open(path, encoding="utf-8"))
        m = t["model"]
        self.vocab = m["vocab"]
        self.unk = m.get("unk_token", "[UNK]")
        self.prefix = m.get("continuing_subword_prefix", "##")
        self.max_chars = m.get("max_input_chars_per_word", 100)
        self.cls = self.vocab["[CLS]"]; self.sep = self.vocab["[SEP]"]; self.pad = self.vocab["[PAD]"]
        self.max_len = max_len
        self._cache = {}

    def normalize(self, text):
        out = []
        for c in text:
            cp = ord(c)
            if cp == 0 or cp == 0xFFFD or _is_control(c):
                continue
            if _is_whitespace(c):
                out.append(" ")
            elif _is_cjk(cp):
                out.append(" " + c + " ")
            else:
                out.append(c)
        text = "".join(out).lower()
        text = unicodedata.normalize("NFD", text)
        return "".join(c for c in text if unicodedata.category(c) != "Mn")

    def pre_tokenize(self, text):
        words, cur = [], []
        for c in text:
            if _is_whitespace(c):
                if cur: words.append("".join(cur)); cur = []
            elif _is_punct(c):
                if cur: words.append("".join(cur)); cur = []
                words.append(c)
            else:
                cur.append(c)
        if cur: words.append("".join(cur))
        return words

    def wordpiece(self, word):
        if word in self._cache:
            return self._cache[word]
        if len(word) > self.max_chars:
            r = [self.unk]
        else:
            r, start = [], 0
            while start < len(word):
                end, found = len(word), None
                while start < end:
                    sub = word[start:end]
                    if start > 0:
                        sub = self.prefix + sub
                    if sub in self.vocab:
                        found = sub; break
                    end -= 1
                if found is None:
                    r = [self.unk]; break
                r.append(found); start = end
        self._cache[word] = r
        return r

    def tokenize(self, text):
        toks = []
        for w in self.pre_tokenize(self.normalize(text)):
            toks.extend(self.wordpiece(w))
        return toks

    def encode(self, text, max_len=None):
        max_len = max_len or self.max_len
        ids = [self.vocab[t] for t in self.tokenize(text)][: max_len - 2]
        return [self.cls] + ids + [self.sep]
