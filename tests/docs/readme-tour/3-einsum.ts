import * as np from 'numts';

const A = np.arange(6).reshape(2, 3);
const B = np.arange(12).reshape(3, 4);
console.log(String(np.einsum('ij,jk->ik', A, B)));     // the matrix product
console.log(np.einsum('ii', np.eye(3)));               // trace: 3
const batch = np.ones([8, 2, 3]);
console.log(np.einsum('bij,bkj->bik', batch, batch).shape);   // [ 8, 2, 2 ]
