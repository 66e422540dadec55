import * as np from 'numts';

const X = np.array([[1, 2], [3, 4], [5, 6]], 'float64');
const centered = X.sub(X.mean({ axis: 0 }));           // (3, 2) - (2,)
console.log(String(centered));
const table = np.arange(1, 4).reshape(3, 1).mul(np.arange(1, 5));   // (3, 1) * (4,) -> (3, 4)
console.log(String(table));
