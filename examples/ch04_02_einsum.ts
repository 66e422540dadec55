// Chapter 4 · Tensors — einsum. The listing prints nothing; as its checks ask, this
// example also runs the two contractions on small fixed inputs and prints them.
import * as np from 'numts';

np.random.seed(0);
const A = np.random.randn(3, 4);
const B = np.random.randn(4, 5);

// Matrix multiplication
const C = np.einsum('ik,kj->ij', A, B); // the same as A @ B

// Batch matrix multiplication (used in attention)
const Q = np.random.randn(8, 10, 64); // 8 heads, 10 tokens, 64 dims
const K = np.random.randn(8, 10, 64);
const attn = np.einsum('bij,bkj->bik', Q, K); // (8, 10, 10) attention scores

// --- beyond the listing: the checks on fixed inputs ---
const agree = (x: np.NDArray, y: np.NDArray): string => (np.max(np.abs(x.sub(y))) < 1e-12 ? 'agree' : 'DIFFER');
console.log(`einsum('ik,kj->ij', A, B) and A @ B ${agree(C, A.matmul(B))}; shape ${np.format(C.shape)}`);
console.log(`einsum('bij,bkj->bik', Q, K) and Q @ Kᵀ ${agree(attn, Q.matmul(K.transpose(0, 2, 1)))}; shape ${np.format(attn.shape)}`);
const A2 = np.array([[1, 2, 3], [4, 5, 6]]);
const B2 = np.array([[1, 0], [0, 1], [1, 1]]);
console.log("einsum('ik,kj->ij'):\n", np.einsum('ik,kj->ij', A2, B2));
const Q2 = np.arange(12).reshape(2, 2, 3);
console.log("einsum('bij,bkj->bik'):\n", np.einsum('bij,bkj->bik', Q2, Q2.add(1)));
