import * as np from 'numts';

const a = np.array([[1, 2, 3], [4, 5, 6]]);
console.log(String(a));               // [[1 2 3]
                                      //  [4 5 6]]
console.log(np.format(a.shape), a.dtype); // (2, 3) int32
console.log(String(a.get(':, 1')));   // [2 5]
console.log(a.sum(), String(a.mean({ axis: 0 })));   // 21 [2.5 3.5 4.5]
const x = np.linspace(0, 1, 5);
console.log(String(x));               // [0.   0.25 0.5  0.75 1.  ]
console.log(np.repr(np.arange(6).reshape(2, 3).T));
